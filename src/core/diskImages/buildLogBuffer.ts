import type { BuildLogLine } from '../../shared/diskImages/bibRun';
import { redactSecrets } from '../log/redactSecrets';

type Line = Omit<BuildLogLine, 'jobId'>;

/** How often buffered lines are sent on: a bib build prints thousands of lines. */
const FLUSH_MS = 200;

/**
 * Keeps a build's whole log (for its record) and passes lines on in batches, at most five
 * times a second, so a chatty osbuild stage cannot flood the window with events. Secrets are
 * redacted from both as they arrive, as the app's own log does: bib's manifest carries every
 * user's crypt hash, and a hash is as good as a password to someone with time.
 */
export function createBuildLogBuffer(send: (lines: Line[]) => void) {
  const all: string[] = [];
  let pending: Line[] = [];
  const flush = () => {
    if (pending.length > 0) send(pending);
    pending = [];
  };
  const timer = setInterval(flush, FLUSH_MS);
  return {
    push(raw: Line) {
      const line = { ...raw, line: redactSecrets(raw.line) };
      // stderr lines are marked, so the saved log still tells bib's messages from osbuild's output.
      all.push(`${line.stream === 'stderr' ? '!' : ' '} ${line.line}`);
      pending.push(line);
    },
    text: () => `${all.join('\n')}\n`,
    /** Sends what is left and stops the timer. */
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
