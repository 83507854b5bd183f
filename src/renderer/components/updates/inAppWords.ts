/**
 * The CLI's words for a reason, as the app says them where they differ: a TLS failure points at
 * the tool's "local registry" checkbox instead of the CLI's --insecure.
 */
export function inAppWords(key: string): string {
  return key === 'updates.tlsFailed' ? 'updates.tool.tlsFailed' : key;
}
