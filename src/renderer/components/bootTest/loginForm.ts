import type { BootTestLoginInput } from '../../../shared/bootTestJob';
import { GuestCheckLineSchema, LoginUserSchema, MAX_GUEST_CHECKS } from '../../../shared/driveBootTest';

/** A catalogue key and its values: the form says each problem in the reader's language. */
export interface FormProblem {
  key: string;
  values?: Record<string, string | number>;
}

export interface LoginFormCheck {
  /** What main is asked for: no login, or a user and the checks. */
  login: BootTestLoginInput | undefined;
  userProblem: FormProblem | null;
  checksProblem: FormProblem | null;
}

/**
 * Reads the "Log in as" and "Checks" fields with the same rules main and the helper apply, so a
 * bad name or line is said beside its field and nothing starts. Blank lines are not checks.
 */
export function readLoginForm(user: string, checksText: string): LoginFormCheck {
  const name = user.trim();
  // Pasted text may end its lines in CRLF: the CR is the line's end, not a character of the check.
  const all = checksText.split(/\r?\n/);
  const lines = all.filter((line) => line.trim() !== '');
  const userProblem: FormProblem | null =
    name === ''
      ? lines.length > 0
        ? { key: 'bootTest.start.userNeeded' }
        : null
      : LoginUserSchema.safeParse(name).success
        ? null
        : { key: 'bootTest.start.userBad', values: { name } };
  // Numbered as the person sees the box, blank lines included.
  const badLine = all.findIndex(
    (line) => line.trim() !== '' && !GuestCheckLineSchema.safeParse(line).success,
  );
  const checksProblem: FormProblem | null =
    lines.length > MAX_GUEST_CHECKS
      ? { key: 'bootTest.start.tooManyChecks', values: { count: lines.length, max: MAX_GUEST_CHECKS } }
      : badLine >= 0
        ? { key: 'bootTest.start.checkBad', values: { line: badLine + 1 } }
        : null;
  const login = name !== '' && !userProblem && !checksProblem ? { user: name, checks: lines } : undefined;
  return { login, userProblem, checksProblem };
}
