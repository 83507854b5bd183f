import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** The first executable `qemu-system-<arch>` on the search path, as a shell would find it. */
export async function findQemu(
  architecture = 'x86_64',
  searchPath: string = process.env.PATH ?? '',
): Promise<string | undefined> {
  for (const dir of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, `qemu-system-${architecture}`);
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}
