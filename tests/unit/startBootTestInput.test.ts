import { describe, expect, it } from 'vitest';
import { StartBootTestInputSchema } from '../../src/shared/bootTestJob';

/** What the renderer may ask of a boot test's login: a blueprint's user name and plain check lines. */
const image = { kind: 'image', path: '/var/tmp/disk.raw' } as const;
const parse = (login: unknown) => StartBootTestInputSchema.safeParse({ target: image, login });

describe('StartBootTestInput login', () => {
  it('takes a user and up to 16 one-line checks; checks default to none', () => {
    expect(parse({ user: 'core' }).data?.login).toEqual({ user: 'core', checks: [] });
    const checks = Array.from({ length: 16 }, (_, index) => `test -e /etc/file${index}`);
    expect(parse({ user: 'core', checks }).success).toBe(true);
    expect(StartBootTestInputSchema.safeParse({ target: image }).data?.login).toBeUndefined();
  });

  it.each([
    ['a user name that ssh would read as an option', { user: '-oProxyCommand=sh', checks: [] }],
    ['an empty user name', { user: '', checks: [] }],
    ['a user name longer than 32', { user: 'a'.repeat(33), checks: [] }],
    ['a user name with a space', { user: 'core admin', checks: [] }],
    ['an empty check', { user: 'core', checks: [''] }],
    ['a check with a newline', { user: 'core', checks: ['true\nrm -rf /'] }],
    ['a check with a NUL', { user: 'core', checks: ['true\u0000'] }],
    ['a check with an escape', { user: 'core', checks: ['echo \u001b[2J'] }],
    ['a check longer than 4096', { user: 'core', checks: ['x'.repeat(4097)] }],
    ['17 checks', { user: 'core', checks: Array.from({ length: 17 }, () => 'true') }],
    ['an agent socket named by the renderer', { user: 'core', checks: [], agentSocket: '/tmp/agent' }],
    ['no user', { checks: ['true'] }],
  ])('refuses %s', (_what, login) => {
    expect(parse(login).success).toBe(false);
  });
});
