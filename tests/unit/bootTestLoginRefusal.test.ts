import { describe, expect, it } from 'vitest';
import { createBootTestService } from '../../src/core/bootTest/bootTestService';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

/** A login needs the person's ssh-agent: without one, nothing starts and the words say why. */
describe('a boot test login without an ssh-agent', () => {
  it('is refused at start, before any helper or QEMU is asked for', async () => {
    let asked = 0;
    const started: string[] = [];
    const service = createBootTestService({
      dataDir: '/nonexistent',
      helper: async () => {
        asked += 1;
        throw new Error('no helper here');
      },
      settings: () => ({ ...DEFAULT_SETTINGS, showVirtualDrives: true, bootTestAccelerator: 'tcg' }),
      events: {
        progress: (id) => started.push(id),
        log: () => {},
        finished: (end) => started.push(end.jobId),
      },
      agentSocket: () => undefined,
    });
    await expect(
      service.start({ target: { kind: 'drive', drive: '/dev/loop9' }, login: { user: 'core', checks: [] } }),
    ).rejects.toThrow(/needs your ssh-agent.*\(SSH_AUTH_SOCK is not set\)\. Nothing was started\./);
    expect(asked).toBe(0);
    expect(started).toEqual([]);
  });
});
