import { join } from 'node:path';

/**
 * The shared reference material (real bib configs and logs) lives beside the project, in
 * ../shared/reference/bib-data, on developer machines and in CI; it is read, never copied in.
 * BOOTSTICK_BIB_DATA points elsewhere when a checkout sits somewhere else.
 */
export const BIB_DATA_DIR =
  process.env.BOOTSTICK_BIB_DATA ?? join(import.meta.dirname, '../../../shared/reference/bib-data');
