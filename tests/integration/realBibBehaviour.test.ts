import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildSession, startBuildSession } from '../support/buildSession';
import { startTestHelper, testJobId } from '../support/helperSession';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';

/**
 * What the real bootc-image-builder does that the app must handle, against the stand-in, which
 * does it the same way (each behaviour cites the real source beside it in tests/fixtures/bib-standin):
 * architecture mismatches, a kickstart that is present but empty, the glued blueprint warning,
 * the osbuild store's space.
 */
let session: BuildSession;
let bib: string;
let bibNew: string;
let bootc: string;
let armSource: string;

beforeAll(async () => {
  await requirePodman();
  [bib, bibNew, bootc, armSource] = await Promise.all([
    ensureBibStandin('bib'),
    ensureBibStandin('newbib'),
    ensureSourceImage('bootc', { pace: 1 }),
    ensureSourceImage('bootc', { pace: 1, arch: 'arm64' }),
  ]);
  session = await startBuildSession({ bibImage: bib });
}, 300_000);

afterAll(async () => session?.close());

describe('an image for another architecture than the build', () => {
  it('is stopped in the preflight, with its own words and the fix', async () => {
    const record = await session.service.run({
      sourceImage: armSource,
      type: 'raw',
      targetArch: 'amd64',
      config: {},
    });
    expect(record.error?.code).toBe('archMismatch');
    const check = record.preflight.find((line) => line.id === 'sourceArch');
    expect(check).toMatchObject({ ok: false });
    expect(check?.message).toBe(`${armSource} is for arm64, but the build is for amd64.`);
    expect(check?.fix).toContain(`podman pull --arch amd64 ${armSource}`);
  });

  it('builds when the build is for the image’s architecture', async () => {
    const record = await session.service.run({
      sourceImage: armSource,
      type: 'raw',
      targetArch: 'arm64',
      config: {},
    });
    expect(record.error).toBeNull();
    expect(record.preflight.find((line) => line.id === 'sourceArch')).toMatchObject({ ok: true });
  });

  it('is refused by bib itself in the real words, which Bootstick reads as archMismatch', async () => {
    const helper = await startTestHelper();
    try {
      const ran = await helper.call({
        method: 'runBib',
        params: {
          jobId: testJobId(),
          mode: 'manifest',
          bibImage: bib,
          sourceImage: armSource,
          type: 'raw',
          targetArch: 'amd64',
          config: {},
          bibFlags: [],
        },
      });
      expect(ran.exitCode).toBe(1);
      expect(ran.tail.join('\n')).toContain(
        'requested bootc arch "x86_64" does not match available arches [aarch64]',
      );
    } finally {
      await helper.close();
    }
  });
});

describe('a kickstart of one’s own that is present but empty', () => {
  it('is refused by bib beside users, as the real one does, and Bootstick says why', async () => {
    const helper = await startTestHelper();
    try {
      const ran = await helper.call({
        method: 'runBib',
        params: {
          jobId: testJobId(),
          mode: 'manifest',
          bibImage: bib,
          sourceImage: bootc,
          type: 'anaconda-iso',
          config: { customizations: { installer: { kickstart: { contents: '' } }, user: [{ name: 'ada' }] } },
          bibFlags: [],
        },
      });
      expect(ran.exitCode).toBe(1);
      expect(ran.tail.join('\n')).toContain(
        'kickstart users and/or groups are not compatible with user-supplied kickstart content',
      );
    } finally {
      await helper.close();
    }
  });
});

describe('a filesystem customization on a raw image', () => {
  it('is built, bib’s glued "not supported" warning is read, and the person is told it was applied', async () => {
    const record = await session.service.run({
      sourceImage: bootc,
      type: 'raw',
      config: { customizations: { filesystem: [{ mountpoint: '/var/data', minsize: '1 GiB' }] } },
    });
    expect(record.error).toBeNull();
    expect(record.warnings).toEqual([
      expect.stringContaining('but it applies it: the partitions get the sizes you set'),
    ]);
    const events = session.progressOf(record.id);
    expect(events.some((event) => event.message === 'Done generating manifest')).toBe(true);
  });
});

describe('the preflight', () => {
  it('checks the osbuild store’s disk too, not only the output folder', async () => {
    const record = await session.service.run({ sourceImage: bootc, type: 'raw', config: {} });
    expect(record.preflight.map((line) => line.id)).toEqual(
      expect.arrayContaining(['freeSpace', 'storeSpace']),
    );
    expect(record.preflight.find((line) => line.id === 'storeSpace')?.message).toContain(
      '/var/cache/bootstick/osbuild-store',
    );
  });
});

describe('what each builder does with the keys they disagree on', () => {
  it('customizations.iso: bootc-image-builder labels the ISO with it; image-builder-cli ignores it, and the record says so', async () => {
    const config = { customizations: { iso: { volume_id: 'LAB_STICK' } } };
    const legacy = await session.service.run({ sourceImage: bootc, type: 'anaconda-iso', config });
    expect(legacy.error).toBeNull();
    expect(legacy.warnings.join('\n')).not.toContain('not used by this builder');
    const successor = await session.service.run({
      sourceImage: bootc,
      type: 'anaconda-iso',
      config,
      bibImage: bibNew,
    });
    expect(successor.error).toBeNull();
    expect(successor.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('customizations.iso is not used by this builder (image-builder-cli)'),
      ]),
    );
  });

  it('installer.payload: refused by bootc-image-builder in its own words, taken by image-builder-cli', async () => {
    const config = { customizations: { installer: { payload: { flatpaks: { force: [] } } } } };
    const refused = await session.service.run({ sourceImage: bootc, type: 'anaconda-iso', config });
    expect(refused.error?.code).toBe('configRejected');
    expect(refused.error?.detail).toMatch(/cannot read config: .*payload/);
    const taken = await session.service.run({
      sourceImage: bootc,
      type: 'anaconda-iso',
      config,
      bibImage: bibNew,
    });
    expect(taken.error).toBeNull();
  });
});
