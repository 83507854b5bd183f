import { elevationWords } from '../../shared/i18n/words/elevation';

/**
 * Where the deb and rpm packages install build/bootstick-helper: the exec path that
 * build/org.bootstick.helper.policy names (tests/unit/packagingConfig.test.ts keeps them equal).
 */
export const INSTALLED_HELPER_LAUNCHER = '/usr/lib/bootstick/bootstick-helper';

export interface HelperCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * How to start the privileged helper: directly when we are root already, otherwise through
 * pkexec (one password prompt per run). pkexec clears the environment, so under Electron the
 * "run as plain Node" switch travels in the argv of /usr/bin/env, never in our own env.
 */
export function helperCommand(options: {
  uid: number;
  execPath: string;
  helperPath: string;
  /** true when execPath is the Electron binary rather than Node. */
  electron: boolean;
  /** The installed launcher the polkit policy names (packages install it); used when present. */
  launcher?: string;
}): HelperCommand {
  const { uid, execPath, helperPath, electron, launcher } = options;
  const runAsNode = electron ? ['ELECTRON_RUN_AS_NODE=1'] : [];
  if (uid === 0) {
    return {
      command: execPath,
      args: [helperPath],
      env: {
        PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
        ...(electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
        // Already root: root's own podman configuration choice carries over (tests use it).
        ...(process.env.CONTAINERS_CONF ? { CONTAINERS_CONF: process.env.CONTAINERS_CONF } : {}),
      },
    };
  }
  const env = {
    PATH: process.env.PATH,
    DISPLAY: process.env.DISPLAY,
    WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY,
  };
  if (launcher) return { command: 'pkexec', args: ['--disable-internal-agent', launcher], env };
  return {
    command: 'pkexec',
    args: [
      '--disable-internal-agent',
      ...(electron ? ['/usr/bin/env', ...runAsNode] : []),
      execPath,
      helperPath,
    ],
    env,
  };
}

export type ElevationFailure =
  | 'noPolkitAgent'
  | 'noPolkitService'
  | 'cancelled'
  | 'notAuthorized'
  | 'noPkexec'
  | 'timeout'
  | 'crashed';

/** What went wrong starting the helper, from pkexec's exit code and words (see pkexec(1)). */
export function classifyElevationFailure(exitCode: number | null, stderr: string): ElevationFailure {
  if (/No authentication agent found/i.test(stderr)) return 'noPolkitAgent';
  if (/Error getting authority/i.test(stderr)) return 'noPolkitService';
  if (exitCode === 126) return 'cancelled';
  if (exitCode === 127 && /not authorized|Not authorized/i.test(stderr)) return 'notAuthorized';
  if (/ENOENT|not found/i.test(stderr) && /pkexec/.test(stderr)) return 'noPkexec';
  if (exitCode === 127) return 'notAuthorized';
  return 'crashed';
}

/** What each failure says (the catalogue's `elevation` words; main and the CLI speak English). */
export const ELEVATION_MESSAGES: Record<ElevationFailure, string> = elevationWords.en;
