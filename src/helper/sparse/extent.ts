/**
 * A byte range of a file that may hold data, [offset, offset + length); everything outside a
 * file's extents is a hole (reads as zeros, nothing allocated). What a sparse flash writes and
 * verifies.
 */
export interface Extent {
  /** Byte offset of the first byte that may hold data. */
  offset: number;
  /** Length in bytes. */
  length: number;
}

/** Bytes in a sparse image's data extents: what a sparse flash writes and verifies. */
export const extentBytes = (extents: readonly Extent[]): number =>
  extents.reduce((sum, extent) => sum + extent.length, 0);
