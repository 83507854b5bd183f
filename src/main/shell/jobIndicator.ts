import type { EmitEvent } from '../../shared/api';
import type { DriveProgress } from '../../shared/flash';
import type { JobFinished, JobProgress } from '../../shared/jobs';
import type { Language } from '../../shared/settings';
import { pushFraction } from '../../shared/updates/pushProgressOf';
import { shellText } from './shellText';

/** What the window and the desktop offer for long jobs; Electron in the app, a recorder in tests. */
export interface JobIndicatorTarget {
  /** Overall progress 0..1 on the taskbar/dock entry, or null to clear it. */
  setProgress(fraction: number | null, failed: boolean): void;
  notify(title: string, body: string): void;
  /** A person looking at the window sees the result there; a notification is for when they are not. */
  isFocused(): boolean;
}

interface DriveState {
  fraction: number;
  /** Seen writing: a flash counts writing as the first half and verifying as the second. */
  wrote: boolean;
}

const ENDED = new Set(['done', 'failed', 'cancelled']);

function driveFraction(progress: DriveProgress, previous: DriveState | undefined): DriveState {
  const part = progress.total > 0 ? Math.min(1, progress.bytes / progress.total) : 0;
  const wrote = (previous?.wrote ?? false) || progress.phase === 'writing';
  if (ENDED.has(progress.phase)) return { fraction: 1, wrote };
  if (progress.phase === 'writing') return { fraction: part / 2, wrote };
  // Verify-only jobs never write: verifying is the whole job for them.
  if (progress.phase === 'verifying') return { fraction: wrote ? 0.5 + part / 2 : part, wrote };
  return { fraction: 0, wrote };
}

/**
 * Turns the events main sends the page into the window's taskbar progress (every running flash,
 * verify and build, averaged) and one desktop notification per finished job. It sees only the
 * events, so it needs no hook into the services.
 */
export function createJobIndicator(target: JobIndicatorTarget, language: () => Language): EmitEvent {
  const flashes = new Map<string, Map<string, DriveState>>();
  const builds = new Map<string, number>();
  let failed = false;

  const refresh = () => {
    const fractions = [
      ...[...flashes.values()].map((drives) => {
        const states = [...drives.values()];
        return states.reduce((sum, state) => sum + state.fraction, 0) / Math.max(1, states.length);
      }),
      ...builds.values(),
    ];
    if (fractions.length === 0) {
      target.setProgress(null, false);
      failed = false;
      return;
    }
    target.setProgress(fractions.reduce((sum, value) => sum + value, 0) / fractions.length, failed);
  };

  const tell = (title: string, body: string) => {
    if (!target.isFocused()) target.notify(title, body);
  };

  const progressed = (event: JobProgress) => {
    if (event.kind === 'diskImageBuild') {
      builds.set(event.jobId, event.progress.fraction);
      if (event.progress.phase === 'failed') failed = true;
    } else if (event.kind === 'push') {
      builds.set(event.jobId, pushFraction(event.progress));
    } else if (event.kind === 'bootTest') {
      // A boot test has no fraction done: it waits for a prompt.
      return;
    } else {
      const drives = flashes.get(event.jobId) ?? new Map<string, DriveState>();
      flashes.set(event.jobId, drives);
      drives.set(event.progress.drive, driveFraction(event.progress, drives.get(event.progress.drive)));
      if (event.progress.phase === 'failed') failed = true;
    }
    refresh();
  };

  const finished = (event: JobFinished) => {
    flashes.delete(event.jobId);
    builds.delete(event.jobId);
    refresh();
    const text = shellText(language());
    switch (event.kind) {
      case 'flash':
      case 'verify': {
        const { report, error } = event;
        if (!report) return tell(text.flashRefusedTitle, error?.message ?? '');
        const good = report.drives.filter((drive) =>
          ['verified', 'written', 'matched'].includes(drive.status),
        );
        const title = event.kind === 'verify' ? text.verifyDoneTitle : text.flashDoneTitle;
        return tell(title, text.drivesOutcome(good.length, report.drives.length));
      }
      case 'diskImageBuild':
        if (event.state === 'succeeded') return tell(text.buildDoneTitle, event.record.artifact ?? '');
        if (event.state === 'failed') return tell(text.buildFailedTitle, event.record.error?.message ?? '');
        return;
      case 'containerImageBuild':
        if (event.state === 'succeeded') return tell(text.imageBuildDoneTitle, event.end.tag);
        if (event.state === 'failed')
          return tell(text.imageBuildFailedTitle, event.end.error?.message ?? event.end.tag);
        return;
      case 'push':
        if (event.state === 'succeeded') return tell(text.pushDoneTitle, event.request.destination);
        if (event.state === 'failed')
          return tell(text.pushFailedTitle, event.result?.detail ?? event.error?.message ?? '');
        return;
    }
  };

  return (event, payload) => {
    if (event === 'jobProgress') progressed(payload as JobProgress);
    if (event === 'jobFinished') finished(payload as JobFinished);
  };
}
