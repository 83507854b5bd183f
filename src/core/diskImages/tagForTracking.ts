import { AppError } from '../../shared/errors';
import { errorShape } from '../containerImages/containerImageService';
import type { HelperClient } from '../privileged/helperClient';
import type { PreparedBuild } from './prepareBuildRequest';

/**
 * bib hands the installed system the source image's name as its update source, with no option to
 * change it: with "updates from", the image is first tagged with that name in root's storage (the
 * helper's tagForUpdates, as `bootstick build --updates-from` does) and the build runs from it, so
 * the stick tracks a reference hosts can update from. Refused before any build exists when the
 * image is not there to tag.
 */
export async function tagForTracking(
  prepared: PreparedBuild,
  helper: () => Promise<HelperClient>,
): Promise<PreparedBuild> {
  const { updatesFrom, ...request } = prepared.request;
  if (!updatesFrom) return prepared;
  try {
    const client = await helper();
    const { tagged } = await client.call({
      method: 'tagForUpdates',
      params: { image: request.sourceImage, ref: updatesFrom },
    });
    return { ...prepared, request: { ...request, sourceImage: tagged } };
  } catch (error) {
    const shape = errorShape(error);
    throw new AppError(shape.code, shape.message);
  }
}
