import { describe, expect, it } from 'vitest';
import { createJobIndicator, type JobIndicatorTarget } from '../../src/main/shell/jobIndicator';
import type { EventPayload } from '../../src/shared/api';
import type { Language } from '../../src/shared/settings';

function recorder(focused = false) {
  const progress: Array<{ fraction: number | null; failed: boolean }> = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const target: JobIndicatorTarget = {
    setProgress: (fraction, failed) => progress.push({ fraction, failed }),
    notify: (title, body) => notifications.push({ title, body }),
    isFocused: () => focused,
  };
  return { target, progress, notifications };
}

const drive = (
  jobId: string,
  path: string,
  phase: string,
  bytes: number,
  total: number,
  kind: 'flash' | 'verify' = 'flash',
) =>
  ({
    jobId,
    kind,
    progress: { jobId, drive: path, phase, bytes, total, speed: null, eta: null },
  }) as EventPayload<'jobProgress'>;

const report = (jobId: string, kind: 'flash' | 'verify', statuses: string[]) =>
  ({
    jobId,
    kind,
    state: 'succeeded',
    report: { kind, drives: statuses.map((status) => ({ status })) },
    error: null,
  }) as unknown as EventPayload<'jobFinished'>;

const built = (id: string, state: string, record: object) =>
  ({ jobId: id, kind: 'diskImageBuild', state, record: { id, ...record } }) as never;

describe('taskbar progress and desktop notifications for long jobs', () => {
  it('counts writing as the first half of a flash and verifying as the second, then clears', () => {
    const { target, progress } = recorder();
    const emit = createJobIndicator(target, () => 'en');
    emit('jobProgress', drive('j1', '/dev/sdb', 'writing', 50, 100));
    emit('jobProgress', drive('j1', '/dev/sdc', 'writing', 100, 100));
    expect(progress.at(-1)).toEqual({ fraction: (0.25 + 0.5) / 2, failed: false });
    emit('jobProgress', drive('j1', '/dev/sdb', 'verifying', 50, 100));
    emit('jobProgress', drive('j1', '/dev/sdc', 'done', 100, 100));
    expect(progress.at(-1)).toEqual({ fraction: (0.75 + 1) / 2, failed: false });
    emit('jobFinished', report('j1', 'flash', ['verified', 'verified']));
    expect(progress.at(-1)).toEqual({ fraction: null, failed: false });
  });

  it('treats verifying as the whole job when nothing is written (verify only)', () => {
    const { target, progress } = recorder();
    const emit = createJobIndicator(target, () => 'en');
    emit('jobProgress', drive('v1', '/dev/sdb', 'verifying', 30, 100, 'verify'));
    expect(progress.at(-1)?.fraction).toBeCloseTo(0.3);
  });

  it('marks the bar failed once a drive fails, and averages a build with a flash', () => {
    const { target, progress } = recorder();
    const emit = createJobIndicator(target, () => 'en');
    emit('jobProgress', {
      jobId: 'b1',
      kind: 'diskImageBuild',
      progress: { buildId: 'b1', phase: 'building', stage: null, fraction: 0.4 },
    } as never);
    emit('jobProgress', drive('j1', '/dev/sdb', 'failed', 10, 100));
    expect(progress.at(-1)).toEqual({ fraction: (0.4 + 1) / 2, failed: true });
  });

  it('tells the desktop how a flash ended, in the language of the settings, when the window is not looked at', () => {
    let language: Language = 'en';
    const { target, notifications } = recorder(false);
    const emit = createJobIndicator(target, () => language);
    emit('jobFinished', report('j1', 'flash', ['verified', 'failed']));
    expect(notifications).toEqual([
      { title: 'Flashing finished', body: '1 of 2 drives failed. Open Bootstick to see why.' },
    ]);
    language = 'ko';
    emit('jobFinished', report('j2', 'verify', ['matched']));
    expect(notifications.at(-1)).toEqual({
      title: '검증이 끝났습니다',
      body: '드라이브가 올바르게 끝났습니다.',
    });
  });

  it('does not notify while the person is looking at the window', () => {
    const { target, notifications } = recorder(true);
    const emit = createJobIndicator(target, () => 'en');
    emit('jobFinished', report('j1', 'flash', ['verified']));
    expect(notifications).toEqual([]);
  });

  it('says a failed build failed and a cancelled one nothing', () => {
    const { target, notifications } = recorder();
    const emit = createJobIndicator(target, () => 'en');
    emit(
      'jobFinished',
      built('b1', 'failed', { outcome: 'failed', error: { message: 'The disk filled up.' }, artifact: null }),
    );
    emit('jobFinished', built('b2', 'cancelled', { outcome: 'cancelled', error: null, artifact: null }));
    emit(
      'jobFinished',
      built('b3', 'succeeded', { outcome: 'succeeded', error: null, artifact: '/b/disk.raw' }),
    );
    expect(notifications).toEqual([
      { title: 'Build failed', body: 'The disk filled up.' },
      { title: 'Build finished', body: '/b/disk.raw' },
    ]);
  });

  it('ignores events that are not about jobs', () => {
    const { target, progress, notifications } = recorder();
    createJobIndicator(target, () => 'en')('drivesChanged', []);
    expect(progress).toEqual([]);
    expect(notifications).toEqual([]);
  });
});
