import { describe, expect, it, vi } from 'vitest';
import { JobRefused, JobRegistry, MAX_CONCURRENT_JOBS } from '../../../src/helper/jobRegistry';

describe('the helper’s running jobs', () => {
  it('claims an id at once, so a second request with it is refused', () => {
    const registry = new JobRegistry();
    registry.claim('a');
    expect(() => registry.claim('a')).toThrow(new JobRefused('Job a is already running.'));
    registry.remove('a');
    expect(() => registry.claim('a')).not.toThrow();
  });

  it('takes at most MAX_CONCURRENT_JOBS at once, and says so', () => {
    const registry = new JobRegistry();
    for (let index = 0; index < MAX_CONCURRENT_JOBS; index += 1) registry.claim(`job-${index}`);
    expect(() => registry.claim('one-more')).toThrow(/already running 8 jobs, as many as it takes at once/);
    registry.remove('job-0');
    expect(() => registry.claim('one-more')).not.toThrow();
  });

  it('cancels the parts a job sets later when the cancel came first', () => {
    const registry = new JobRegistry();
    registry.claim('b');
    expect(registry.cancel('b')).toEqual([]);
    const cancel = vi.fn();
    registry.add('b', new Map([['container', { cancel }]]));
    expect(cancel).toHaveBeenCalledOnce();
  });
});
