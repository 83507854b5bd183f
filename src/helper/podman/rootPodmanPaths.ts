import { mkdir } from 'node:fs/promises';
import { BOOTSTICK_CACHE, OSBUILD_STORE, RPMMD_CACHE } from '../../shared/diskImages/osbuildStore';
import { podmanStatus } from './podmanQueries';

let graphRootOnce: Promise<string> | null = null;

/** Root's container storage: asked of podman once per helper run (it does not move). */
export function rootGraphRoot(): Promise<string> {
  graphRootOnce ??= podmanStatus().then((status) => {
    if (!status.graphRoot) throw new Error(status.problem ?? 'podman did not say where its storage is.');
    return status.graphRoot;
  });
  graphRootOnce.catch(() => {
    graphRootOnce = null; // podman may be fixed and asked again
  });
  return graphRootOnce;
}

/** osbuild's object store and DNF metadata cache, root-only folders bib mounts at /store and /rpmmd. */
export async function osbuildCacheFolders(): Promise<{ storeDir: string; rpmmdDir: string }> {
  const storeDir = OSBUILD_STORE;
  const rpmmdDir = RPMMD_CACHE;
  await mkdir(BOOTSTICK_CACHE, { recursive: true, mode: 0o700 });
  await mkdir(storeDir, { recursive: true, mode: 0o700 });
  await mkdir(rpmmdDir, { recursive: true, mode: 0o700 });
  return { storeDir, rpmmdDir };
}
