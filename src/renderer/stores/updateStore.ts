import { create } from 'zustand';
import type { TargetArch } from '../../shared/diskImages/imageTypes';
import type { PushFinished } from '../../shared/jobs';
import { type BootcStatusProblem, bootedImageOf } from '../../shared/updates/bootcStatus';
import { parseImageSpec } from '../../shared/updates/imageSpec';
import type { CompareRefusal, PushProgress } from '../../shared/updates/updateCalls';
import type { UpdateDiff } from '../../shared/updates/updateDiff';
import { api } from '../api';
import { jobById } from './jobsStore';
import { messageOf } from './messageOf';

export type PushEnd = PushFinished;

interface UpdateState {
  /** What the hosts run, and the new version, as typed (registry, digest or local references). */
  from: string;
  to: string;
  insecure: boolean;
  /** The hosts' architecture for a multi-architecture index; null: the new version's own. */
  architecture: TargetArch | null;
  /** A pasted `bootc status --json`, and what became of it. */
  pasted: string;
  pastedProblem: BootcStatusProblem | null;
  pastedTaken: { image: string; digest: string } | null;
  comparing: boolean;
  diff: UpdateDiff | null;
  refusal: { reason: CompareRefusal; values: { ref: string; detail?: string; arch?: string } } | null;
  compareError: string | null;
  /** The push: the image in root's storage, the version's reference, the moving tag. */
  image: string;
  destination: string;
  movingTag: string;
  pushId: string | null;
  pushProgress: PushProgress | null;
  pushLog: string[];
  pushEnd: PushEnd | null;
  pushStartError: string | null;
  set(
    patch: Partial<
      Pick<
        UpdateState,
        'from' | 'to' | 'insecure' | 'architecture' | 'pasted' | 'image' | 'destination' | 'movingTag'
      >
    >,
  ): void;
  /** Takes the booted image of the pasted status as "what the hosts run", or says why not. */
  usePasted(): void;
  compare(): Promise<void>;
  push(): Promise<void>;
  cancelPush(): Promise<void>;
  syncFromJobs(): void;
}

/** The Update tool: compare what hosts run with a new version, then publish that version. */
export const useUpdateStore = create<UpdateState>((set, get) => ({
  from: '',
  to: '',
  insecure: false,
  architecture: null,
  pasted: '',
  pastedProblem: null,
  pastedTaken: null,
  comparing: false,
  diff: null,
  refusal: null,
  compareError: null,
  image: '',
  destination: '',
  movingTag: 'stable',
  pushId: null,
  pushProgress: null,
  pushLog: [],
  pushEnd: null,
  pushStartError: null,
  set: (patch) => set(patch),
  usePasted() {
    const booted = bootedImageOf(get().pasted);
    if (!booted.ok) {
      set({ pastedProblem: booted.problem, pastedTaken: null });
      return;
    }
    set({
      from: booted.from,
      pastedProblem: null,
      pastedTaken: { image: booted.image, digest: booted.digest },
    });
  },
  async compare() {
    const { from, to, insecure, architecture } = get();
    set({ comparing: true, diff: null, refusal: null, compareError: null });
    try {
      const answer = await api.call('compareUpdate', {
        from: from.trim(),
        to: to.trim(),
        insecure,
        ...(architecture ? { architecture } : {}),
      });
      if (answer.ok) {
        // The version just measured, when it is in root's storage, is the one to push next.
        const local = parseImageSpec(to);
        set({ diff: answer.diff, ...(local && local.where !== 'registry' ? { image: local.ref } : {}) });
      } else set({ refusal: { reason: answer.reason, values: answer.values } });
    } catch (error) {
      set({ compareError: messageOf(error) });
    } finally {
      set({ comparing: false });
    }
  },
  async push() {
    const { image, destination, movingTag, insecure } = get();
    set({ pushId: null, pushProgress: null, pushLog: [], pushEnd: null, pushStartError: null });
    try {
      const { jobId } = await api.call('startPush', {
        image: image.trim(),
        destination: destination.trim(),
        insecure,
        ...(movingTag.trim() ? { movingTag: movingTag.trim() } : {}),
      });
      set({ pushId: jobId });
      get().syncFromJobs();
    } catch (error) {
      set({ pushStartError: messageOf(error) });
    }
  },
  async cancelPush() {
    const { pushId, pushEnd } = get();
    if (!pushId || pushEnd) return;
    try {
      await api.call('cancelPush', { jobId: pushId });
    } catch (error) {
      // The helper could not be reached to cancel: said where the push is shown, not swallowed.
      set({ pushStartError: messageOf(error) });
    }
  },
  syncFromJobs() {
    const job = jobById(get().pushId);
    if (!job) return;
    const progress = (job.progress.push as PushProgress | undefined) ?? null;
    const end = job.finished?.kind === 'push' ? job.finished : null;
    const { pushProgress, pushLog, pushEnd } = get();
    if (progress !== pushProgress || job.log !== pushLog || end !== pushEnd)
      set({ pushProgress: progress, pushLog: job.log, pushEnd: end });
  },
}));
