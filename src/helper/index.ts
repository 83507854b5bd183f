import { createInterface } from 'node:readline';
import { handleRequestLine } from './handleRequest';

/**
 * The privileged helper: the only code that runs as root. It speaks JSON lines over its own
 * stdin/stdout (no socket, no port) and exits as soon as its parent goes away (stdin closes).
 */
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let pending = 0;
let closed = false;

function exitWhenIdle(): void {
  if (closed && pending === 0) process.exit(0);
}

lines.on('line', (line) => {
  if (line.trim() === '') return;
  pending += 1;
  handleRequestLine(line)
    .catch((error: unknown) => ({
      id: null,
      ok: false as const,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    }))
    .then((response) => process.stdout.write(`${JSON.stringify(response)}\n`))
    .finally(() => {
      pending -= 1;
      exitWhenIdle();
    });
});

lines.on('close', () => {
  closed = true;
  exitWhenIdle();
});
