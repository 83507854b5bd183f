import { describe, expect, it, vi } from 'vitest';
import type { HelperClient } from '../../../src/core/privileged/helperClient';
import { compareUpdate } from '../../../src/core/updates/compareUpdate';

describe('the Update tool’s comparison in main', () => {
  it.each([
    ['words', 'not an image!', 'quay.io/org/os:2', 'not an image!'],
    ['an option smuggled in', 'quay.io/org/os:1', '--authfile=/etc/shadow', '--authfile=/etc/shadow'],
    ['nothing', '  ', 'quay.io/org/os:2', ''],
  ])('refuses %s as a side before the helper or a registry is asked', async (_, from, to, refused) => {
    const helper = vi.fn(async (): Promise<HelperClient> => {
      throw new Error('the helper must not start');
    });
    const answer = await compareUpdate({ from, to, insecure: false }, helper);
    expect(answer).toEqual({
      ok: false,
      reason: 'badReference',
      values: { ref: refused },
    });
    expect(helper).not.toHaveBeenCalled();
  });
});
