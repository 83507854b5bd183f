import { create } from 'zustand';
import type { EventPayload } from '../../shared/api';
import { buildArgLines, parseBuildArgLines } from '../../shared/containerImages/containerfileArgs';
import type { ImageBuildFinished } from '../../shared/containerImages/containerfileBuild';
import type { Example } from '../../shared/containerImages/examples';
import { api } from '../api';
import { useImageStore } from './imageStore';
import { useLocalImagesStore } from './localImagesStore';
import { messageOf } from './messageOf';

/** Lines kept on screen: a dnf install prints thousands. */
const MAX_LOG_LINES = 2000;

/** Log lines and ends that arrive before startContainerImageBuild has answered with the id. */
const early = { logs: new Map<string, string[]>(), ends: new Map<string, ImageBuildFinished>() };

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
  logReceived(payload: EventPayload<'buildLog'>): void;
  finishedReceived(finished: ImageBuildFinished): void;
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
      set({ buildId, log: early.logs.get(buildId) ?? [] });
      const end = early.ends.get(buildId);
      if (end) get().finishedReceived(end);
    } catch (error) {
      set({ startError: messageOf(error) });
    }
  },
  async cancel() {
    const { buildId, finished } = get();
    if (buildId && !finished) await api.call('cancelContainerImageBuild', { buildId });
  },
  logReceived({ buildId, lines }) {
    // bib builds share the event; theirs carry other ids and are left to the Build step.
    if (!buildId.startsWith('image-')) return;
    const text = lines.map((entry) => entry.line);
    if (get().buildId !== buildId) {
      early.logs.set(buildId, [...(early.logs.get(buildId) ?? []), ...text].slice(-MAX_LOG_LINES));
      return;
    }
    set({ log: [...get().log, ...text].slice(-MAX_LOG_LINES) });
  },
  finishedReceived(finished) {
    if (get().buildId !== finished.buildId) {
      early.ends.set(finished.buildId, finished);
      return;
    }
    set({ finished });
    if (finished.ok) {
      // The new image is what the wizard builds from now, and it shows among the local images.
      useImageStore.getState().setReference(finished.tag);
      void useLocalImagesStore.getState().load();
    }
  },
}));
