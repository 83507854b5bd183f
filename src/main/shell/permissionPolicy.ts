/**
 * The only permission the app's own page is granted: writing plain text to the clipboard, which
 * the Copy buttons (first-boot commands, the build log) need. Everything else is denied, and so
 * is this for any other page: reading the clipboard, the camera, notifications from the page
 * (main shows those itself), opening external apps.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  isAppUrl: (url: string) => boolean,
): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}
