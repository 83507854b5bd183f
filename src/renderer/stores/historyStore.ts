import { create } from 'zustand';
import type { BuildHistoryEntry } from '../../shared/diskImages/buildRecord';
import type { AuditReport } from '../../shared/report';
import { api } from '../api';
import { messageOf } from './messageOf';

/** One build's whole log, as the History tool shows it; text is null while it loads. */
export interface OpenLog {
  buildId: string;
  text: string | null;
  error: string | null;
}

interface HistoryState {
  builds: BuildHistoryEntry[];
  reports: AuditReport[];
  loaded: boolean;
  error: string | null;
  log: OpenLog | null;
  load(): Promise<void>;
  showLog(buildId: string): Promise<void>;
  closeLog(): void;
}

/** The History tool: every recorded build and every flash or verify audit report, newest first. */
export const useHistoryStore = create<HistoryState>((set, get) => ({
  builds: [],
  reports: [],
  loaded: false,
  error: null,
  log: null,
  async load() {
    try {
      const [builds, reports] = await Promise.all([api.call('listBuilds', {}), api.call('listReports', {})]);
      set({ builds, reports, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: messageOf(error) });
    }
  },
  async showLog(buildId) {
    set({ log: { buildId, text: null, error: null } });
    try {
      const { text } = await api.call('readBuildLog', { buildId });
      // Only if that log is still the one asked for: a quick second click must not be overwritten.
      if (get().log?.buildId === buildId) set({ log: { buildId, text, error: null } });
    } catch (error) {
      if (get().log?.buildId === buildId) set({ log: { buildId, text: null, error: messageOf(error) } });
    }
  },
  closeLog: () => set({ log: null }),
}));
