import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../src/helper/jobRegistry';

const part = () => {
  const state = {
    cancelled: 0,
    cancel() {
      state.cancelled += 1;
    },
  };
  return state;
};

describe('the helper job registry', () => {
  it('cancels every running part when the parent goes', () => {
    const registry = new JobRegistry();
    const [a, b] = [part(), part()];
    registry.add('job-1', new Map([['/dev/loop1', a]]));
    registry.add('job-2', new Map([['/dev/loop2', b]]));
    registry.cancelAll();
    expect([a.cancelled, b.cancelled]).toEqual([1, 1]);
  });

  it('cancels at once a job that registers after the parent went (its request arrived just before)', () => {
    const registry = new JobRegistry();
    registry.cancelAll();
    const late = part();
    registry.add('job-3', new Map([['/dev/loop3', late]]));
    expect(late.cancelled).toBe(1);
  });

  it('leaves jobs alone while the parent is there', () => {
    const registry = new JobRegistry();
    const running = part();
    registry.add('job-4', new Map([['/dev/loop4', running]]));
    expect(running.cancelled).toBe(0);
    expect(registry.cancel('job-4', '/dev/loop9')).toEqual([]);
    expect(registry.cancel('job-4')).toEqual(['/dev/loop4']);
  });
});
