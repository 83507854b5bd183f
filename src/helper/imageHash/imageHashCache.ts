/**
 * SHA-256s this helper has already taken, by file identity (see fileIdentity): a technician
 * flashing batch after batch from one image hashes it once per app run. Kept in the helper's
 * memory only, so nothing that runs without root can plant a hash in it.
 */
export class ImageHashCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly capacity = 16) {}

  get(identity: string): string | undefined {
    return this.entries.get(identity);
  }

  set(identity: string, sha256: string): void {
    this.entries.delete(identity);
    this.entries.set(identity, sha256);
    // A Map keeps insertion order: the first key is the one remembered longest ago.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }
}

export const imageHashCache = new ImageHashCache();
