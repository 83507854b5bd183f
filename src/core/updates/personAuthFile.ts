import { access, constants } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where `podman login` wrote this person's credentials, in podman's own order
 * (containers-auth.json(5)): REGISTRY_AUTH_FILE, then ${XDG_RUNTIME_DIR}/containers/auth.json
 * (rootful podman without XDG_RUNTIME_DIR: /run/containers/0/auth.json), then
 * ~/.config/containers/auth.json and Docker's ~/.docker/config.json. The first that exists; none:
 * the push goes without credentials. Only the path travels: the helper reads it as the person.
 */
export async function personAuthFile(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const uid = process.getuid?.() ?? -1;
  const candidates = [
    env.REGISTRY_AUTH_FILE,
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'containers/auth.json') : undefined,
    uid === 0 && !env.XDG_RUNTIME_DIR ? '/run/containers/0/auth.json' : undefined,
    join(homedir(), '.config/containers/auth.json'),
    join(homedir(), '.docker/config.json'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (
      await access(candidate, constants.R_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}
