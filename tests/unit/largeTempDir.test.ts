import { describe, expect, it } from 'vitest';
import { largeTempDir } from '../../src/core/bootTest/largeTempDir';

describe("where a boot test's big throw-away files go", () => {
  it('$TMPDIR when set, else /var/tmp (on disk), never /tmp (a tmpfs in RAM on Fedora and Arch)', () => {
    expect(largeTempDir({ TMPDIR: '/scratch' })).toBe('/scratch');
    expect(largeTempDir({})).toBe('/var/tmp');
    expect(largeTempDir({ TMPDIR: '' })).toBe('/var/tmp');
  });
});
