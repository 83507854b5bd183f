/**
 * Puts text on the clipboard. The async Clipboard API first; where it is refused (main denies the
 * renderer every permission request, and headless browsers may too) the older copy command on
 * a selected, off-screen text area, which needs only the click that called this.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
