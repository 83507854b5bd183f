import { create } from 'zustand';
import { buildArgLines, parseBuildArgLines } from '../../shared/containerImages/containerfileArgs';
import type { ImageBuildFinished } from '../../shared/containerImages/containerfileBuild';
import type { Example } from '../../shared/containerImages/examples';
import { api } from '../api';
import { useImageStore } from './imageStore';
import { jobById } from './jobsStore';
import { useLocalImagesStore } from './localImagesStore';
import { messageOf } from './messageOf';

interface ImageBuildState {
  examples: Example[];
  /** Where the example the form was filled from was copied to, or null. */
  exampleDir: string | null;
  contextDir: string;
  /** Empty: `<contextDir>/Containerfile`. */
  containerfile: string;
  tag: string;
  /** Build arguments as the person edits them, one NAME=value a line. */
  buildArgs: string;
  buildId: string | null;
  log: string[];
  finished: ImageBuildFinished | null;
  /** Why the build or the example could not start, in main's words. */
  startError: string | null;
  loadExamples(): Promise<void>;
  chooseExample(id: string): Promise<void>;
  setField(field: 'contextDir' | 'containerfile' | 'tag' | 'buildArgs', value: string): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Takes the build's log and end from the jobs store (called whenever that changes). */
  syncFromJobs(): void;
}

export const isRunning = (state: Pick<ImageBuildState, 'buildId' | 'finished'>) =>
  state.buildId !== null && state.finished === null;

/** The Image step's Containerfile build: the form (maybe from a gallery example), the running or last build and its log. */
export const useImageBuildStore = create<ImageBuildState>((set, get) => ({
  examples: [],
  exampleDir: null,
  contextDir: '',
  containerfile: '',
  tag: '',
  buildArgs: '',
  buildId: null,
  log: [],
  finished: null,
  startError: null,
  async loadExamples() {
    set({ examples: await api.call('listExamples', {}).catch(() => []) });
  },
  async chooseExample(id) {
    try {
      const copy = await api.call('copyExample', { id });
      set({
        exampleDir: copy.contextDir,
        contextDir: copy.contextDir,
        containerfile: copy.containerfile,
        tag: copy.tag,
        buildArgs: buildArgLines(copy.buildArgs),
        startError: null,
      });
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  setField: (field, value) => set({ [field]: value }),
  async start() {
    const { contextDir, containerfile, tag, buildArgs } = get();
    const args = parseBuildArgLines(buildArgs);
    if (!args.ok) return;
    set({ buildId: null, log: [], finished: null, startError: null });
    try {
      const { buildId } = await api.call('startContainerImageBuild', {
        contextDir: contextDir.trim(),
        ...(containerfile.trim() ? { containerfile: containerfile.trim() } : {}),
        tag: tag.trim(),
        ...(Object.keys(args.args).length > 0 ? { buildArgs: args.args } : {}),
      });
      set({ buildId });
      get().syncFromJobs();
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  async cancel() {
    const { buildId, finished } = get();
    if (buildId && !finished) await api.call('cancelContainerImageBuild', { buildId });
  },
  syncFromJobs() {
    const job = jobById(get().buildId);
    if (!job) return;
    const finished = job.finished?.kind === 'containerImageBuild' ? job.finished.end : null;
    const { log, finished: kept } = get();
    if (job.log === log && finished === kept) return;
    set({ log: job.log, finished });
    if (finished && !kept && finished.ok) {
      // The new image is what the wizard builds from now, and it shows among the local images.
      useImageStore.getState().setReference(finished.tag);
      void useLocalImagesStore.getState().load();
    }
  },
}));
