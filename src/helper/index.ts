import { createInterface } from 'node:readline';
import { guardStrayErrors } from './guardStrayErrors';
import { handleRequestLine } from './handleRequest';
import { JobRegistry } from './jobRegistry';

/**
 * The privileged helper: the only code that runs as root. It speaks JSON lines over its own
 * stdin/stdout (no socket, no port). When its parent goes away (stdin closes) it cancels every
 * running job, lets each drive close cleanly, and exits.
 */
guardStrayErrors((message) => process.stderr.write(`${message}\n`));
const registry = new JobRegistry();
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
let pending = 0;
let closed = false;

function exitWhenIdle(): void {
  if (closed && pending === 0) process.exit(0);
}

lines.on('line', (line) => {
  if (line.trim() === '') return;
  pending += 1;
  handleRequestLine(line, registry, send)
    .then(send)
    .finally(() => {
      pending -= 1;
      exitWhenIdle();
    });
});

lines.on('close', () => {
  closed = true;
  registry.cancelAll();
  exitWhenIdle();
});

// Writing to a parent that died raises EPIPE: that is the same as stdin closing.
process.stdout.on('error', () => {
  registry.cancelAll();
  process.exit(0);
});
