import type { BuildLogLine } from '../../shared/diskImages/bibRun';
import { redactSecrets } from '../log/redactSecrets';

type Line = Omit<BuildLogLine, 'jobId'>;

/** A PEM private key arrives a line at a time: from its first line to its last, nothing is kept. */
const KEY_BEGINS = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const KEY_ENDS = /-----END [A-Z ]*PRIVATE KEY-----/;

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
  let inPrivateKey = false;
  const flush = () => {
    if (pending.length > 0) send(pending);
    pending = [];
  };
  const timer = setInterval(flush, FLUSH_MS);
  return {
    push(raw: Line) {
      const begins = KEY_BEGINS.test(raw.line);
      const hidden = inPrivateKey || begins;
      if (begins) inPrivateKey = true;
      if (inPrivateKey && KEY_ENDS.test(raw.line)) inPrivateKey = false;
      const line = { ...raw, line: hidden ? '[redacted private key]' : redactSecrets(raw.line) };
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
