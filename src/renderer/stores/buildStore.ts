import { create } from 'zustand';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { BuildRecord } from '../../shared/diskImages/buildRecord';
import type { ImageType, RootFs, TargetArch } from '../../shared/diskImages/imageTypes';
import { isTrackableReference } from '../../shared/updates/updateSource';
import { api } from '../api';
import { blueprintOf, useBlueprintStore } from './blueprintStore';
import { useImageStore } from './imageStore';
import { jobById } from './jobsStore';

interface BuildState {
  type: ImageType;
  /** null: bib's own choice (the root filesystem the image names; this computer's architecture). */
  rootfs: RootFs | null;
  targetArch: TargetArch | null;
  /** The "updates from" registry reference as typed ('' for none). */
  updatesFrom: string;
  /** The source the person confirmed building without updates from (for that source only). */
  confirmedUntrackable: string | null;
  buildId: string | null;
  progress: BuildProgress | null;
  log: string[];
  record: BuildRecord | null;
  /** When this renderer asked for the build (epoch ms), for the elapsed time while it runs. */
  startedAt: number | null;
  /** Why the build could not start (a refused blueprint, a bad reference), in words. */
  startError: string | null;
  setType(type: ImageType): void;
  setRootfs(rootfs: RootFs | null): void;
  setTargetArch(targetArch: TargetArch | null): void;
  setUpdatesFrom(updatesFrom: string): void;
  confirmUntrackable(source: string | null): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Takes the build's progress, log and record from the jobs store (called whenever that changes). */
  syncFromJobs(): void;
}

/** The Build step: the image type, architecture and root filesystem, the running or last build, its progress and its log. */
export const useBuildStore = create<BuildState>((set, get) => ({
  type: 'raw',
  rootfs: null,
  targetArch: null,
  updatesFrom: '',
  confirmedUntrackable: null,
  buildId: null,
  progress: null,
  log: [],
  record: null,
  startedAt: null,
  startError: null,
  setType: (type) => set({ type }),
  setRootfs: (rootfs) => set({ rootfs }),
  setTargetArch: (targetArch) => set({ targetArch }),
  setUpdatesFrom: (updatesFrom) => set({ updatesFrom }),
  confirmUntrackable: (source) => set({ confirmedUntrackable: source }),
  async start() {
    set({ startError: null, record: null, progress: null, log: [], buildId: null, startedAt: Date.now() });
    const { type, rootfs, targetArch } = get();
    const updatesFrom = get().updatesFrom.trim();
    try {
      const { buildId } = await api.call('startDiskImageBuild', {
        sourceImage: useImageStore.getState().reference.trim(),
        type,
        ...(rootfs ? { rootfs } : {}),
        ...(targetArch ? { targetArch } : {}),
        ...(updatesFrom ? { updatesFrom } : {}),
        config: blueprintOf(useBlueprintStore.getState()),
        pullMissing: true,
      });
      set({ buildId });
      get().syncFromJobs();
    } catch (error) {
      set({ startError: error instanceof Error ? error.message : String(error) });
    }
  },
  async cancel() {
    const { buildId, record } = get();
    if (buildId && !record) await api.call('cancelDiskImageBuild', { buildId });
  },
  syncFromJobs() {
    const job = jobById(get().buildId);
    if (!job) return;
    const progress = (job.progress.build as BuildProgress | undefined) ?? null;
    const record = job.finished?.kind === 'diskImageBuild' ? job.finished.record : null;
    const { progress: shown, log, record: kept } = get();
    if (progress !== shown || job.log !== log || record !== kept) set({ progress, log: job.log, record });
  },
}));

/**
 * What stops the Build button for updates: an "updates from" that is no registry reference hosts
 * could follow ('invalid'), or a source the installed system could never update from with none
 * given and not confirmed ('unconfirmed'); null when the build may start.
 */
export function updatesHold(
  source: string,
  state: Pick<BuildState, 'updatesFrom' | 'confirmedUntrackable'>,
): 'invalid' | 'unconfirmed' | null {
  const updatesFrom = state.updatesFrom.trim();
  if (updatesFrom !== '') return isTrackableReference(updatesFrom) ? null : 'invalid';
  if (source === '' || isTrackableReference(source)) return null;
  return state.confirmedUntrackable === source ? null : 'unconfirmed';
}
