import { repairReadOnlyLeftBehind } from './bootTest/readOnlyLeftBehind';
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
/** How long a SIGTERM waits for the jobs to clean up before the helper exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
let closed = false;

function exitWhenIdle(): void {
  if (closed && pending === 0) process.exit(0);
}

// What a crashed helper left in root's private folders goes before anything new is made there,
// and before any request is served: a drive it left read-only is given back before a new boot
// test could find it read-only (and the repair then clear the flag under that test).
void removeStaleJobFolders({ boots: repairReadOnlyLeftBehind })
  .catch(() => {})
  .then(serve);

function serve(): void {
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
        error: {
          code: 'badRequest',
          message: `A request longer than ${MAX_REQUEST_BYTES} bytes was dropped.`,
        },
      });
    },
    onClose: shutDown,
  });
}

/** The parent is gone or asks us to end: cancel every job, let each put back what it changed, exit. */
function shutDown(): void {
  if (closed) return;
  closed = true;
  registry.cancelAll();
  exitWhenIdle();
}

// Writing to a parent that died raises EPIPE: that is the same as stdin closing (jobs still clean
// up: a boot test puts the drive's read-only flag back; writes from here on go nowhere).
process.stdout.on('error', shutDown);
// Ctrl-C and a closed terminal reach the whole foreground group, this helper included: it must not
// die mid-job and leave a drive read-only. Its parent cancels through stdin, or stdin closes.
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
process.on('SIGTERM', () => {
  shutDown();
  // A job that will not end must not keep a shutdown waiting for ever.
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
});
