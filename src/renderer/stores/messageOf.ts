/** The words of a failed call (main's message), for an inline error next to what failed. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
