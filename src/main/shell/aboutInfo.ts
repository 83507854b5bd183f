import { execFile } from 'node:child_process';
import type { Settings } from '../../shared/settings';
import type { ShellText } from './shellText';

export interface AboutInfo {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  /** `podman --version`'s number, or null when podman is not installed or does not answer. */
  podman: string | null;
  bibImage: string;
  /** The digest the bib image was pinned to on first use, if it has been used. */
  bibImageDigest: string | null;
}

type RunVersion = (command: string, args: string[]) => Promise<string>;

const runWithTimeout: RunVersion = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: 5000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });

/** "podman version 4.3.1" → "4.3.1"; null when podman is absent, broken or slow. */
export async function podmanVersion(run: RunVersion = runWithTimeout): Promise<string | null> {
  try {
    const output = (await run('podman', ['--version'])).trim();
    return /(\d+\.\d+[^\s]*)/.exec(output)?.[1] ?? (output || null);
  } catch {
    return null;
  }
}

export async function gatherAboutInfo(options: {
  appVersion: string;
  versions: NodeJS.ProcessVersions;
  settings: Pick<Settings, 'bibImage' | 'bibImageDigest'>;
  run?: RunVersion;
}): Promise<AboutInfo> {
  const { versions } = options;
  return {
    app: options.appVersion,
    electron: versions.electron ?? 'unknown',
    chrome: versions.chrome ?? 'unknown',
    node: versions.node,
    podman: await podmanVersion(options.run),
    bibImage: options.settings.bibImage,
    bibImageDigest: options.settings.bibImageDigest,
  };
}

/** The About dialog's detail text, one fact a line. */
export function aboutDetail(info: AboutInfo, text: ShellText): string {
  return [
    `Bootstick ${info.app}`,
    `Electron ${info.electron} (Chromium ${info.chrome}, Node ${info.node})`,
    `podman ${info.podman ?? text.podmanMissing}`,
    `${text.bibImage}: ${info.bibImage}`,
    `${text.bibDigest}: ${info.bibImageDigest ?? text.bibNotPinned}`,
  ].join('\n');
}
