import { describe, expect, it, vi } from 'vitest';
import { createShutdownGuard } from '../../src/main/shell/shutdownGuard';

function setup(options: { flashes?: string[]; answers?: boolean[]; dispose?: () => Promise<void> } = {}) {
  const flashes = options.flashes ?? [];
  const answers = [...(options.answers ?? [])];
  const asked: number[] = [];
  const logs: string[] = [];
  const dispose = vi.fn(options.dispose ?? (async () => {}));
  const guard = createShutdownGuard({
    activeFlashes: () => flashes,
    confirmStopFlashing: async (count) => {
      asked.push(count);
      return answers.shift() ?? false;
    },
    dispose,
    log: (message) => logs.push(message),
    timeoutMs: 200,
  });
  return { guard, asked, logs, dispose, flashes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('clean shutdown', () => {
  it('with nothing running: disposes the services first, then lets the quit through', async () => {
    const { guard, asked, dispose } = setup();
    const retry = vi.fn();
    expect(guard.mayQuit(retry)).toBe(false);
    await settle();
    expect(asked).toEqual([]);
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(retry).toHaveBeenCalledTimes(1);
    expect(guard.mayQuit(retry)).toBe(true);
    expect(dispose).toHaveBeenCalledTimes(1);
  });

  it('a running flash asks first; "keep flashing" keeps everything running', async () => {
    const { guard, asked, dispose } = setup({ flashes: ['job-1', 'job-2'], answers: [false] });
    const retry = vi.fn();
    expect(guard.mayQuit(retry)).toBe(false);
    await settle();
    expect(asked).toEqual([2]);
    expect(dispose).not.toHaveBeenCalled();
    expect(retry).not.toHaveBeenCalled();
  });

  it('"stop and quit" cancels the jobs through dispose, then quits', async () => {
    const { guard, asked, dispose } = setup({ flashes: ['job-1'], answers: [true] });
    const retry = vi.fn();
    expect(guard.mayQuit(retry)).toBe(false);
    await settle();
    expect(asked).toEqual([1]);
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(retry).toHaveBeenCalledTimes(1);
    expect(guard.mayQuit(retry)).toBe(true);
  });

  it('asks once even when quit is requested again while the question is open', async () => {
    const { guard, asked } = setup({ flashes: ['job-1'], answers: [true] });
    expect(guard.mayQuit(() => {})).toBe(false);
    expect(guard.mayQuit(() => {})).toBe(false);
    expect(guard.mayClose(() => {})).toBe(false);
    await settle();
    expect(asked).toEqual([1]);
  });

  it('closing the window during a flash asks too, and closes only when confirmed', async () => {
    const { guard, asked, dispose } = setup({ flashes: ['job-1'], answers: [false, true] });
    const close = vi.fn();
    expect(guard.mayClose(close)).toBe(false);
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect(guard.mayClose(close)).toBe(false);
    await settle();
    expect(asked).toEqual([1, 1]);
    expect(close).toHaveBeenCalledTimes(1);
    // The window may now close; the quit that follows does not ask again, it disposes.
    expect(guard.mayClose(close)).toBe(true);
    const quit = vi.fn();
    expect(guard.mayQuit(quit)).toBe(false);
    await settle();
    expect(asked).toEqual([1, 1]);
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('closing the window with nothing running needs no question', () => {
    const { guard, asked } = setup();
    expect(guard.mayClose(() => {})).toBe(true);
    expect(asked).toEqual([]);
  });

  it('a helper that never exits does not keep the app from quitting', async () => {
    const { guard, logs } = setup({ dispose: () => new Promise(() => {}) });
    const retry = vi.fn();
    guard.mayQuit(retry);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(retry).toHaveBeenCalledTimes(1);
    expect(logs.join('\n')).toContain('did not stop within 200 ms');
  });
});
