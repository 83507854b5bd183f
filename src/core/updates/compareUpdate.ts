import { parseImageSpec } from '../../shared/updates/imageSpec';
import type { CompareUpdateOutput } from '../../shared/updates/updateCalls';
import type { HelperClient } from '../privileged/helperClient';
import { compareImages } from './compareImages';
import { UpdateReadError } from './updateReadError';

/**
 * The Update tool's comparison: the same compareImages `bootstick update diff` runs, with each way
 * it cannot be answered handed back as a reason the renderer says in the person's language. A side
 * that is no image reference at all is refused before anything is asked of a registry.
 */
export async function compareUpdate(
  input: { from: string; to: string; insecure: boolean; architecture?: string | undefined },
  helper: () => Promise<HelperClient>,
): Promise<CompareUpdateOutput> {
  for (const side of [input.from, input.to]) {
    if (!parseImageSpec(side)) return { ok: false, reason: 'badReference', values: { ref: side.trim() } };
  }
  try {
    const { insecure, architecture } = input;
    const options = { insecure, ...(architecture ? { architecture } : {}) };
    return { ok: true, diff: await compareImages(input.from, input.to, helper, options) };
  } catch (error) {
    if (!(error instanceof UpdateReadError)) throw error;
    const { ref, detail, arch } = error.values;
    return {
      ok: false,
      reason: error.reason,
      values: { ref, ...(detail ? { detail } : {}), ...(arch ? { arch } : {}) },
    };
  }
}
