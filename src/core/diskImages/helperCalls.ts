import { type LocalImages, LocalImagesSchema } from '../../shared/containerImages/localImages';
import {
  type BibRunRequest,
  type BibRunResult,
  BibRunResultSchema,
  type ImageFacts,
  ImageFactsSchema,
  type PodmanStatus,
  PodmanStatusSchema,
} from '../../shared/diskImages/bibRun';
import { PullResultSchema } from '../../shared/helperProtocol';
import type { HelperClient } from '../privileged/helperClient';

/** The helper's podman methods, with each answer checked against its schema. */
export function diskImageHelperCalls(client: HelperClient) {
  return {
    podmanStatus: async (): Promise<PodmanStatus> =>
      PodmanStatusSchema.parse(await client.call({ method: 'podmanStatus' })),
    listImages: async (): Promise<LocalImages> =>
      LocalImagesSchema.parse(await client.call({ method: 'listImages' })),
    inspectContainerImage: async (ref: string): Promise<ImageFacts> =>
      ImageFactsSchema.parse(await client.call({ method: 'inspectContainerImage', params: { ref } })),
    bibHelp: async (bibImage: string): Promise<string> =>
      String(await client.call({ method: 'bibHelp', params: { bibImage } })),
    pull: async (jobId: string, ref: string) =>
      PullResultSchema.parse(await client.call({ method: 'pullImage', params: { jobId, ref } })),
    runBib: async (params: BibRunRequest): Promise<BibRunResult> =>
      BibRunResultSchema.parse(await client.call({ method: 'runBib', params })),
    cancel: (jobId: string) => client.call({ method: 'cancel', params: { jobId } }),
  };
}
export type DiskImageHelperCalls = ReturnType<typeof diskImageHelperCalls>;
