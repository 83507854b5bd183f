import { describe, expect, it } from 'vitest';
import { parseImageList } from '../../../src/helper/podman/parseImageList';
import { isBootcImage } from '../../../src/shared/containerImages/localImages';

/** Trimmed from a real `podman images --format json` (podman 4), plus an older podman's RepoTags. */
const LISTED = JSON.stringify([
  {
    Id: 'f21a436819acc46007bb1fecf7cd8a1ded195f5f8f89cc68037c10d6cc928aad',
    RepoTags: null,
    Size: 2148628,
    Labels: { 'containers.bootc': '1', 'io.buildah.version': '1.28.2' },
    Names: ['localhost/bootstick-test/source-bootc:bench'],
    Created: 1795643219,
  },
  // podman prints an image once per tag, each time with all of its names.
  {
    Id: 'f21a436819acc46007bb1fecf7cd8a1ded195f5f8f89cc68037c10d6cc928aad',
    Size: 2148628,
    Labels: { 'containers.bootc': '1' },
    Names: ['localhost/bootstick-test/source-bootc:bench'],
    Created: 1795643219,
  },
  {
    Id: 'aaaa',
    RepoTags: ['quay.io/fedora/fedora:42'],
    Size: 100,
    Labels: null,
    Names: ['quay.io/fedora/fedora:42'],
    Created: 1795000000,
  },
  { Id: 'dangling', Names: null, RepoTags: null, Size: 5, Labels: {}, Created: 1795700000 },
  { Id: 'none', Names: ['<none>:<none>'], Size: 5, Created: 1795700000 },
  {
    Id: 'ostree',
    Names: ['quay.io/old/fcos:stable', 'localhost/fcos:mine'],
    Size: 7,
    Labels: { 'ostree.bootable': 'true' },
    Created: 1795900000,
  },
]);

describe('parseImageList', () => {
  it('keeps named images once each, newest first, with their bootc flag, size and creation time', () => {
    expect(parseImageList(LISTED)).toEqual([
      {
        id: 'ostree',
        names: ['quay.io/old/fcos:stable', 'localhost/fcos:mine'],
        size: 7,
        created: new Date(1795900000 * 1000).toISOString(),
        bootc: true,
      },
      {
        id: 'f21a436819acc46007bb1fecf7cd8a1ded195f5f8f89cc68037c10d6cc928aad',
        names: ['localhost/bootstick-test/source-bootc:bench'],
        size: 2148628,
        created: '2026-11-25T21:46:59.000Z',
        bootc: true,
      },
      {
        id: 'aaaa',
        names: ['quay.io/fedora/fedora:42'],
        size: 100,
        created: new Date(1795000000 * 1000).toISOString(),
        bootc: false,
      },
    ]);
  });

  it('reads an empty storage (podman prints nothing or [])', () => {
    expect(parseImageList('')).toEqual([]);
    expect(parseImageList('[]\n')).toEqual([]);
  });
});

describe('isBootcImage', () => {
  it("takes bootc's label and the older ostree one, nothing else", () => {
    expect(isBootcImage({ 'containers.bootc': '1' })).toBe(true);
    expect(isBootcImage({ 'ostree.bootable': 'true' })).toBe(true);
    expect(isBootcImage({ 'ostree.bootable': '1' })).toBe(true);
    expect(isBootcImage({ 'ostree.bootable': 'false' })).toBe(false);
    expect(isBootcImage({ 'containers.bootc': '0' })).toBe(false);
    expect(isBootcImage({})).toBe(false);
    expect(isBootcImage(null)).toBe(false);
  });
});
