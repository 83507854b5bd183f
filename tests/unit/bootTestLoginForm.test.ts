import { describe, expect, it } from 'vitest';
import { readLoginForm } from '../../src/renderer/components/bootTest/loginForm';

/** The boot test's login fields, read as main would read them: each problem named, or the login. */
describe('the boot test login form', () => {
  it('asks for no login when both fields are empty: the plain test stays one click', () => {
    expect(readLoginForm('', '')).toEqual({ login: undefined, userProblem: null, checksProblem: null });
  });

  it('takes a user and one check a line, blank lines not being checks', () => {
    expect(readLoginForm(' core ', 'bootc status --json\n\n  \ntest -e /etc/ok\n').login).toEqual({
      user: 'core',
      checks: ['bootc status --json', 'test -e /etc/ok'],
    });
  });

  it('takes pasted lines that end in CRLF', () => {
    expect(readLoginForm('core', 'true\r\nbootc status\r\n').login?.checks).toEqual(['true', 'bootc status']);
  });

  it.each([
    ['-oProxyCommand=sh', '', 'user', 'bootTest.start.userBad'],
    ['a'.repeat(33), '', 'user', 'bootTest.start.userBad'],
    ['co re', '', 'user', 'bootTest.start.userBad'],
    ['', 'true', 'user', 'bootTest.start.userNeeded'],
    ['core', 'true\nsystemctl\tstatus', 'checks', 'bootTest.start.checkBad'],
    ['core', `echo ${'x'.repeat(4096)}`, 'checks', 'bootTest.start.checkBad'],
    ['core', Array.from({ length: 17 }, () => 'true').join('\n'), 'checks', 'bootTest.start.tooManyChecks'],
  ])('refuses user %j with checks %j: the %s field says %s', (user, checks, field, key) => {
    const form = readLoginForm(user, checks);
    expect(form.login).toBeUndefined();
    expect((field === 'user' ? form.userProblem : form.checksProblem)?.key).toBe(key);
  });

  it('names the line that is wrong as the box numbers it, blank lines included', () => {
    expect(readLoginForm('core', 'true\n\nfalse\u001b').checksProblem).toEqual({
      key: 'bootTest.start.checkBad',
      values: { line: 3 },
    });
  });
});
