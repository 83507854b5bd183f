/** A DOM id derived from the device path (/dev/sdb → drive-dev-sdb); the e2e tests find cards by it. */
export function driveDomId(path: string): string {
  return `drive${path.replace(/[^a-zA-Z0-9]/g, '-')}`;
}
