import { describe, expect, it } from 'vitest';
import { ImageHashCache } from '../../../src/helper/imageHash/imageHashCache';

describe('the helper’s cache of image hashes', () => {
  it('answers for an identity it was told, and nothing else', () => {
    const cache = new ImageHashCache();
    cache.set('1:2:3:4:5', 'aa');
    expect(cache.get('1:2:3:4:5')).toBe('aa');
    expect(cache.get('1:2:3:4:6')).toBeUndefined();
  });

  it('forgets the entry set longest ago once full, and a re-set entry counts as new', () => {
    const cache = new ImageHashCache(2);
    cache.set('a', '1');
    cache.set('b', '2');
    cache.set('a', '1'); // a is now the newest
    cache.set('c', '3');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('1');
    expect(cache.get('c')).toBe('3');
  });
});
