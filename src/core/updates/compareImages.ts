import { ociArchitecture, parseImageSpec } from '../../shared/updates/imageSpec';
import { diffUpdate, type UpdateDiff } from '../../shared/updates/updateDiff';
import type { HelperClient } from '../privileged/helperClient';
import { readImageLayers } from './readImageLayers';
import { UpdateReadError } from './updateReadError';

export interface CompareOptions {
  insecure?: boolean;
  /** Default: the architecture of `to` when it is local, else this machine's. */
  architecture?: string;
}

/**
 * "What hosts will download": reads what the hosts run (`from`) and the new version (`to`), each
 * from root's storage or a registry, and diffs their layers. `to` is read first so an index `from`
 * resolves to the architecture `to` was built for.
 */
export async function compareImages(
  fromText: string,
  toText: string,
  helper: () => Promise<HelperClient>,
  options: CompareOptions = {},
): Promise<UpdateDiff> {
  const from = parseImageSpec(fromText);
  const to = parseImageSpec(toText);
  if (!from) throw new UpdateReadError('notFound', { ref: fromText });
  if (!to) throw new UpdateReadError('notFound', { ref: toText });
  const hostArch = options.architecture ?? ociArchitecture(process.arch);
  const toLayers = await readImageLayers(to, helper, { insecure: options.insecure, architecture: hostArch });
  const architecture = options.architecture ?? toLayers.architecture ?? hostArch;
  const fromLayers = await readImageLayers(from, helper, { insecure: options.insecure, architecture });
  return diffUpdate(fromLayers, toLayers);
}
