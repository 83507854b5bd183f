import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Bootstick keeps settings, profiles, history and reports. The same folder Electron's
 * userData would be ($XDG_CONFIG_HOME/bootstick), so the app and the CLI share it.
 * BOOTSTICK_DATA_DIR overrides it (tests, portable setups).
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BOOTSTICK_DATA_DIR) return env.BOOTSTICK_DATA_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'bootstick');
}
