import { describe, expect, it } from 'vitest';
import { callerFromEnvironment } from '../../../src/helper/safety/caller';

describe('who the helper works for', () => {
  it('is root itself when pkexec did not start it, or root ran pkexec', async () => {
    expect(await callerFromEnvironment({})).toBeNull();
    expect(await callerFromEnvironment({ PKEXEC_UID: '0' })).toBeNull();
  });

  it('is the user pkexec names, with that user’s name and group from the passwd database', async () => {
    expect(await callerFromEnvironment({ PKEXEC_UID: '65534' })).toEqual({
      uid: 65534,
      gid: 65534,
      name: 'nobody',
      groups: [65534],
    });
  });

  it('is never guessed: a garbage or unknown uid is an error, not root', async () => {
    await expect(callerFromEnvironment({ PKEXEC_UID: 'root' })).rejects.toThrow(
      'PKEXEC_UID is not a uid: root',
    );
    await expect(callerFromEnvironment({ PKEXEC_UID: '-1' })).rejects.toThrow('not a uid');
    await expect(callerFromEnvironment({ PKEXEC_UID: '4000000' })).rejects.toThrow(
      'The user 4000000 who started Bootstick has no passwd entry.',
    );
  });
});
