import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDriveListing } from '../../../src/core/station/driveListing';

/** Listings the test answers by hand, in any order: what lsblk does on a busy host or a dying stick. */
function handListings() {
  const calls: { resolve(value: string): void; reject(error: Error): void }[] = [];
  const list = () =>
    new Promise<string>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { calls, list };
}

function setUp(list: () => Promise<string>) {
  const listed: string[] = [];
  const events: string[] = [];
  const listing = createDriveListing({
    list,
    onListed: (drives) => listed.push(drives),
    onFailed: (message) => events.push(`failed: ${message}`),
    onRecovered: () => events.push('recovered'),
    timeoutMs: 1000,
  });
  return { listing, listed, events };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('listing the drives, one at a time', () => {
  it('a change during a listing asks for one more after it, not one per change', async () => {
    const { calls, list } = handListings();
    const { listing, listed } = setUp(list);
    listing.changed();
    listing.changed();
    listing.changed();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve('first');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('second');
    await vi.advanceTimersByTimeAsync(0);
    expect(listed).toEqual(['first', 'second']);
    listing.close();
  });

  it('a hung listing is given up on and said; its late answer, older than the next one, is ignored', async () => {
    const { calls, list } = handListings();
    const { listing, listed, events } = setUp(list);
    listing.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['failed: listing the drives took longer than 1 s; listing them again']);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('after the stick went in');
    await vi.advanceTimersByTimeAsync(0);
    // The hung one answers at last, with what it saw before: it must not undo the newer view.
    calls[0]?.resolve('before the stick went in');
    await vi.advanceTimersByTimeAsync(0);
    expect(listed).toEqual(['after the stick went in']);
    expect(events.at(-1)).toBe('recovered');
    listing.close();
  });

  it('never has more than two listings outstanding, however long they hang', async () => {
    const { calls, list } = handListings();
    const { listing, events } = setUp(list);
    listing.changed();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
    expect(events.filter((event) => event.startsWith('failed'))).toHaveLength(2);
    // One of them answers (late, ignored): only then is a third started.
    calls[0]?.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(3);
    listing.close();
  });

  it('a listing that fails outright is tried again after a growing pause, and the recovery said', async () => {
    const { calls, list } = handListings();
    const { listing, listed, events } = setUp(list);
    listing.changed();
    calls[0]?.reject(new Error('lsblk: not found'));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]?.reject(new Error('lsblk: not found'));
    await vi.advanceTimersByTimeAsync(1999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    calls[2]?.resolve('drives');
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['failed: lsblk: not found', 'failed: lsblk: not found', 'recovered']);
    expect(listed).toEqual(['drives']);
    listing.close();
  });

  it('once closed: no new listing, no answer applied, no timer left running', async () => {
    const { calls, list } = handListings();
    const { listing, listed } = setUp(list);
    listing.changed();
    listing.changed();
    listing.close();
    calls[0]?.resolve('after close');
    await vi.advanceTimersByTimeAsync(0);
    listing.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(listed).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
