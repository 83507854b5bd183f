/** Saves a file the renderer was handed (no Node here: a Blob and a download link). */
export function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked a moment later: the browser starts reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
