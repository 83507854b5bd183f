import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLocalImages } from '../../src/core/containerImages/listLocalImages';
import { createSharedHelper } from '../../src/core/privileged/sharedHelper';
import { startTestHelper } from '../support/helperSession';
import { imageId, podman } from '../support/podman';
import { ensureSourceImage, requirePodman } from '../support/podmanFixtures';

/**
 * The Image step's list of local images, as main asks for it: through the real (built) privileged
 * helper, which runs `podman images` as root itself. Two images are tagged for this run only.
 */

const token = randomBytes(4).toString('hex');
const BOOTC = `localhost/bootstick-test/listed-bootc-${token}:1`;
const PLAIN = `localhost/bootstick-test/listed-plain-${token}:1`;
const helper = createSharedHelper(startTestHelper);

beforeAll(async () => {
  await requirePodman();
  const [bootc, plain] = await Promise.all([ensureSourceImage('bootc'), ensureSourceImage('not-bootc')]);
  await podman(['tag', bootc, BOOTC]);
  await podman(['tag', plain, PLAIN]);
}, 300_000);

afterAll(async () => {
  await helper.dispose();
  await podman(['untag', BOOTC, BOOTC]).catch(() => {});
  await podman(['untag', PLAIN, PLAIN]).catch(() => {});
});

describe('listing the images in root podman storage', () => {
  it('lists a freshly tagged bootc image as bootc and a plain one as not, with id, size and time', async () => {
    const listing = await listLocalImages(helper.get);
    expect(listing).toMatchObject({ available: true, problem: null });
    const bootc = listing.images.find((image) => image.names.includes(BOOTC));
    const plain = listing.images.find((image) => image.names.includes(PLAIN));
    expect(bootc).toMatchObject({ bootc: true, id: await imageId(BOOTC) });
    expect(plain).toMatchObject({ bootc: false, id: await imageId(PLAIN) });
    expect(bootc?.size).toBeGreaterThan(1000);
    expect(Date.parse(bootc?.created ?? '')).toBeLessThanOrEqual(Date.now());
    // Once each, though podman prints an image once per tag; and no dangling <none> rows.
    expect(new Set(listing.images.map((image) => image.id)).size).toBe(listing.images.length);
    expect(listing.images.every((image) => image.names.every((name) => !name.includes('<none>')))).toBe(true);
  });

  it('no longer lists an image once its tag is gone', async () => {
    await podman(['untag', PLAIN, PLAIN]);
    const listing = await listLocalImages(helper.get);
    expect(listing.images.some((image) => image.names.includes(PLAIN))).toBe(false);
    expect(listing.images.some((image) => image.names.includes(BOOTC))).toBe(true);
  });

  it('says plainly that podman is missing where the helper finds no podman', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'bootstick-no-podman-'));
    const path = process.env.PATH;
    // The helper takes PATH from its parent when it starts: one started now sees no podman.
    process.env.PATH = empty;
    const bare = createSharedHelper(startTestHelper);
    try {
      await bare.get();
    } finally {
      process.env.PATH = path;
    }
    try {
      expect(await listLocalImages(bare.get)).toEqual({
        available: false,
        problem: 'podman is not installed.',
        images: [],
      });
    } finally {
      await bare.dispose();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('says why when the helper cannot start, instead of failing the call', async () => {
    const listing = await listLocalImages(async () => {
      throw new Error('The password prompt was dismissed.');
    });
    expect(listing).toEqual({ available: false, problem: 'The password prompt was dismissed.', images: [] });
  });
});
