/**
 * Where root's persistent osbuild caches live, mounted into bib as /store and /rpmmd: the helper
 * makes them, main's preflight checks the space of the store's disk (osbuild builds the system
 * tree and the disk image there before copying the image out).
 */
export const BOOTSTICK_CACHE = '/var/cache/bootstick';
export const OSBUILD_STORE = `${BOOTSTICK_CACHE}/osbuild-store`;
export const RPMMD_CACHE = `${BOOTSTICK_CACHE}/rpmmd`;
