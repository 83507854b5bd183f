import type { LocalImages } from '../../shared/containerImages/localImages';
import type { BibRunRequest, BibRunResult, ImageFacts, PodmanStatus } from '../../shared/diskImages/bibRun';
import type { TargetArch } from '../../shared/diskImages/imageTypes';
import type { HelperClient } from '../privileged/helperClient';

/** The helper's podman methods a disk image build uses (each answer checked by the client). */
export function diskImageHelperCalls(client: HelperClient) {
  return {
    podmanStatus: (): Promise<PodmanStatus> => client.call({ method: 'podmanStatus' }),
    listImages: (): Promise<LocalImages> => client.call({ method: 'listImages' }),
    inspectContainerImage: (ref: string): Promise<ImageFacts> =>
      client.call({ method: 'inspectContainerImage', params: { ref } }),
    bibHelp: (bibImage: string): Promise<string> => client.call({ method: 'bibHelp', params: { bibImage } }),
    pull: (jobId: string, ref: string, arch?: TargetArch) =>
      client.call({ method: 'pullImage', params: { jobId, ref, ...(arch ? { arch } : {}) } }),
    runBib: (params: BibRunRequest): Promise<BibRunResult> => client.call({ method: 'runBib', params }),
    cancel: (jobId: string) => client.call({ method: 'cancel', params: { jobId } }),
  };
}
export type DiskImageHelperCalls = ReturnType<typeof diskImageHelperCalls>;
