import { guardStrayErrors } from './guardStrayErrors';
import { handleRequestLine } from './handleRequest';
import { JobRegistry } from './jobRegistry';
import { Outbox } from './outbox';
import { MAX_REQUEST_BYTES, readRequestLines } from './requestLines';
import { removeStaleJobFolders } from './safety/privateJobFolder';

/**
 * The privileged helper: the only code that runs as root. It speaks JSON lines over its own
 * stdin/stdout (no socket, no port). When its parent goes away (stdin closes) it cancels every
 * running job, lets each drive close cleanly, and exits.
 */
guardStrayErrors((message) => process.stderr.write(`${message}\n`));
const registry = new JobRegistry();
const outbox = new Outbox(process.stdout);
let pending = 0;
let closed = false;

function exitWhenIdle(): void {
  if (closed && pending === 0) process.exit(0);
}

// What a crashed helper left in root's private folders goes before anything new is made there.
void removeStaleJobFolders().catch(() => {});

readRequestLines(process.stdin, {
  onLine(line) {
    if (line.trim() === '') return;
    pending += 1;
    handleRequestLine(line, registry, outbox)
      .then((response) => outbox.send(response))
      .finally(() => {
        pending -= 1;
        exitWhenIdle();
      });
  },
  onTooLong() {
    outbox.send({
      id: null,
      ok: false,
      error: { code: 'badRequest', message: `A request longer than ${MAX_REQUEST_BYTES} bytes was dropped.` },
    });
  },
  onClose() {
    if (closed) return;
    closed = true;
    registry.cancelAll();
    exitWhenIdle();
  },
});

// Writing to a parent that died raises EPIPE: that is the same as stdin closing.
process.stdout.on('error', () => {
  registry.cancelAll();
  process.exit(0);
});
