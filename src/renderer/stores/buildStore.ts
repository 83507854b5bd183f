import { create } from 'zustand';
import type { EventPayload } from '../../shared/api';
import type { BuildProgress } from '../../shared/diskImages/buildProgress';
import type { BuildRecord } from '../../shared/diskImages/buildRecord';
import type { ImageType, RootFs, TargetArch } from '../../shared/diskImages/imageTypes';
import { api } from '../api';
import { blueprintOf, useBlueprintStore } from './blueprintStore';
import { useImageStore } from './imageStore';

/** Lines kept on screen; the whole log stays in the build's record. */
const MAX_LOG_LINES = 2000;

/** Every build's latest events by id, so none is lost before the id is known. */
const early = {
  progress: new Map<string, BuildProgress>(),
  logs: new Map<string, string[]>(),
  records: new Map<string, BuildRecord>(),
};

interface BuildState {
  type: ImageType;
  /** null: bib's own choice (the root filesystem the image names; this computer's architecture). */
  rootfs: RootFs | null;
  targetArch: TargetArch | null;
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
  start(): Promise<void>;
  cancel(): Promise<void>;
  progressReceived(progress: BuildProgress): void;
  logReceived(payload: EventPayload<'buildLog'>): void;
  finishedReceived(record: BuildRecord): void;
}

/** The Build step: the image type, architecture and root filesystem, the running or last build, its progress and its log. */
export const useBuildStore = create<BuildState>((set, get) => ({
  type: 'raw',
  rootfs: null,
  targetArch: null,
  buildId: null,
  progress: null,
  log: [],
  record: null,
  startedAt: null,
  startError: null,
  setType: (type) => set({ type }),
  setRootfs: (rootfs) => set({ rootfs }),
  setTargetArch: (targetArch) => set({ targetArch }),
  async start() {
    set({ startError: null, record: null, progress: null, log: [], buildId: null, startedAt: Date.now() });
    const { type, rootfs, targetArch } = get();
    try {
      const { buildId } = await api.call('startDiskImageBuild', {
        sourceImage: useImageStore.getState().reference.trim(),
        type,
        ...(rootfs ? { rootfs } : {}),
        ...(targetArch ? { targetArch } : {}),
        config: blueprintOf(useBlueprintStore.getState()),
        pullMissing: true,
      });
      set({
        buildId,
        progress: early.progress.get(buildId) ?? null,
        log: early.logs.get(buildId) ?? [],
        record: early.records.get(buildId) ?? null,
      });
    } catch (error) {
      set({ startError: error instanceof Error ? error.message : String(error) });
    }
  },
  async cancel() {
    const { buildId, record } = get();
    if (buildId && !record) await api.call('cancelDiskImageBuild', { buildId });
  },
  // Events are kept per build: the first ones can arrive before startDiskImageBuild's answer names the id.
  progressReceived(progress) {
    early.progress.set(progress.buildId, progress);
    if (progress.buildId === get().buildId) set({ progress });
  },
  logReceived({ buildId, lines }) {
    const all = [...(early.logs.get(buildId) ?? []), ...lines.map((entry) => entry.line)].slice(
      -MAX_LOG_LINES,
    );
    early.logs.set(buildId, all);
    if (buildId === get().buildId) set({ log: all });
  },
  finishedReceived(record) {
    early.records.set(record.id, record);
    if (record.id === get().buildId) set({ record });
  },
}));
