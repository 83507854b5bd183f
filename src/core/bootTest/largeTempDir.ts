/**
 * Where a boot test's big throw-away files (the guest's overlay, an install's blank disk) go when
 * its caller keeps no folder of its own: $TMPDIR when set, else /var/tmp, which the FHS puts on
 * disk. Not /tmp: on Fedora and Arch it is a tmpfs in RAM, which a guest's writes would fill.
 * QEMU's own default for snapshot overlays is the same.
 */
export function largeTempDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TMPDIR || '/var/tmp';
}
