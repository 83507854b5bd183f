import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyElevationFailure,
  ELEVATION_MESSAGES,
  helperCommand,
} from '../../src/core/privileged/helperCommand';

const base = { execPath: '/opt/Bootstick/bootstick', helperPath: '/opt/Bootstick/helper.js' };

describe('helperCommand', () => {
  it('starts the helper directly when already root, Electron acting as Node', () => {
    expect(helperCommand({ ...base, uid: 0, electron: true })).toMatchObject({
      command: '/opt/Bootstick/bootstick',
      args: ['/opt/Bootstick/helper.js'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
  });

  it('goes through pkexec otherwise, passing the Node switch as argv (pkexec clears the env)', () => {
    const command = helperCommand({ ...base, uid: 1000, electron: true });
    expect(command.command).toBe('pkexec');
    expect(command.args).toEqual([
      '--disable-internal-agent',
      '/usr/bin/env',
      'ELECTRON_RUN_AS_NODE=1',
      '/opt/Bootstick/bootstick',
      '/opt/Bootstick/helper.js',
    ]);
    expect(command.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
  });

  it('uses the installed launcher the polkit policy names, when there is one', () => {
    const launcher = '/usr/lib/bootstick/bootstick-helper';
    expect(helperCommand({ ...base, uid: 1000, electron: true, launcher }).args).toEqual([
      '--disable-internal-agent',
      launcher,
    ]);
    const policy = readFileSync(join(import.meta.dirname, '../../build/org.bootstick.helper.policy'), 'utf8');
    expect(policy).toContain(`<annotate key="org.freedesktop.policykit.exec.path">${launcher}</annotate>`);
  });
});

describe('classifyElevationFailure', () => {
  it.each([
    [127, 'Error executing command as another user: No authentication agent found.', 'noPolkitAgent'],
    [127, 'Error getting authority: Error initializing authority: Could not connect', 'noPolkitService'],
    [126, 'Error executing command as another user: Request dismissed', 'cancelled'],
    [127, 'Error executing command as another user: Not authorized', 'notAuthorized'],
    [1, 'Segmentation fault', 'crashed'],
  ] as const)('exit %s with "%s" → %s, with words for it', (code, stderr, reason) => {
    expect(classifyElevationFailure(code, stderr)).toBe(reason);
    expect(ELEVATION_MESSAGES[reason]).toMatch(/\w{10,}/);
  });
});
