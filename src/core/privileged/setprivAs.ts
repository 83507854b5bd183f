/** A user to run a program as: uid, primary gid and the supplementary groups it gets. */
export interface RunAs {
  uid: number;
  gid: number;
  groups: number[];
}

/**
 * setpriv(1)'s argv prefix that runs a command as `user` (real and effective ids, exactly these
 * groups), up to and including the `--` before the command. `extra` goes before the `--`.
 */
export function setprivAs(user: RunAs, extra: string[] = []): string[] {
  return [
    'setpriv',
    `--reuid=${user.uid}`,
    `--regid=${user.gid}`,
    user.groups.length > 0 ? `--groups=${user.groups.join(',')}` : '--clear-groups',
    ...extra,
    '--',
  ];
}
