import { afterEach, describe, expect, it } from 'vitest';
import { createBuildLogBuffer } from '../../../src/core/diskImages/buildLogBuffer';

/** A build's log as saved with its record and as sent to the window: secrets never in either. */
const HASH =
  '$6$rounds=4096$saltsalt$Jl9fWvCdz5c0gQ7Y6mYk2kI1u5Q8aQ1D3a0V5nVn3c7Q6l0ZcKx7d1gW2y5p8r9s0t1u2v3w4x5y6z7A8B9C0D';
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----';

let close: (() => void) | null = null;
afterEach(() => close?.());

describe('the build log buffer', () => {
  it('saves and sends lines with crypt hashes, passwords and private keys redacted', () => {
    const sent: string[] = [];
    const buffer = createBuildLogBuffer((lines) => sent.push(...lines.map((line) => line.line)));
    close = buffer.close;
    buffer.push({ stream: 'stdout', line: `"password": "${HASH}",` });
    buffer.push({ stream: 'stderr', line: `password = "plain secret 42"` });
    for (const line of KEY.split('\n')) buffer.push({ stream: 'stdout', line });
    buffer.push({ stream: 'stdout', line: 'Build complete!' });
    buffer.close();
    const saved = buffer.text();
    for (const text of [saved, sent.join('\n')]) {
      expect(text).not.toContain('saltsalt$Jl9f');
      expect(text).not.toContain('plain secret 42');
      expect(text).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU');
      expect(text).toContain('Build complete!');
    }
    // stderr lines stay marked in the saved log.
    expect(saved.split('\n')[1]?.startsWith('! ')).toBe(true);
  });
});
