import { execa } from 'execa';
import { HelperRefusal } from '../errors';

/**
 * `podman tag <image> <ref>` in root's storage, so bib (which reads root's storage and hands the
 * source image's name to the installed system) builds from a name hosts can update from. Nothing
 * is pushed: bib needs no registry. Both names were checked by the protocol's schema.
 */
export async function tagForUpdates(image: string, ref: string): Promise<{ tagged: string }> {
  const exists = await execa('podman', ['image', 'exists', image], { reject: false, stdin: 'ignore' });
  if (exists.exitCode !== 0) throw new HelperRefusal(`${image} is not in root's image storage.`);
  const tagged = await execa('podman', ['tag', image, ref], {
    reject: false,
    stdin: 'ignore',
    timeout: 60_000,
  });
  if (tagged.exitCode !== 0)
    throw new Error(`podman tag failed: ${String(tagged.stderr).trim().slice(-400)}`);
  return { tagged: ref };
}
