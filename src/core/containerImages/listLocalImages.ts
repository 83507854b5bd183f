import type { LocalImages } from '../../shared/containerImages/localImages';
import { diskImageHelperCalls } from '../diskImages/helperCalls';
import type { HelperClient } from '../privileged/helperClient';

/**
 * The images in root's podman storage, asked of the privileged helper (bib sees only root's
 * storage, so the person's own rootless images would mislead). A helper that cannot start (the
 * password prompt refused) is reported like a missing podman: in words, not as a failure.
 */
export async function listLocalImages(helper: () => Promise<HelperClient>): Promise<LocalImages> {
  try {
    return await diskImageHelperCalls(await helper()).listImages();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { available: false, problem, images: [] };
  }
}
