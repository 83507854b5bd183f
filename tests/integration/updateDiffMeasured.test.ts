import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateDiffSchema } from '../../src/shared/updates/updateDiff';
import { requireBuild } from '../support/builtApp';
import { blobBytesSent, type LocalRegistry, requireRegistry, startRegistry } from '../support/localRegistry';
import { CONTAINERS_CONF, podman } from '../support/podman';
import { ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { runCli } from '../support/runCli';
import {
  buildUpdateImages,
  type SeparateStorage,
  separateStorage,
  type UpdateImages,
} from '../support/updateImages';

/**
 * The seed's question, answered with a number and checked against the wire: what `update diff`
 * predicts hosts on v1 download to get v2 is exactly the layer bytes a real registry sends to a
 * podman storage that holds v1 when it pulls v2.
 */

let registry: LocalRegistry;
let images: UpdateImages;
let host: SeparateStorage;

let noLogins: string;
/** No credentials from whatever this host's root logged in to: the registry needs none. */
const bootstick = (...args: string[]) => runCli(args, { CONTAINERS_CONF, REGISTRY_AUTH_FILE: noLogins });

beforeAll(async () => {
  requireBuild();
  await requirePodman();
  await requireRegistry();
  registry = await startRegistry();
  noLogins = join(registry.dir, 'no-logins.json');
  await writeFile(noLogins, '{"auths":{}}');
  images = await buildUpdateImages();
  host = await separateStorage();
}, 600_000);
const indexName = `localhost/bootstick-test/update-index-${process.pid}:1`;

afterAll(async () => {
  await podman(['manifest', 'rm', indexName]).catch(() => {});
  await host?.remove();
  await images?.remove();
  await registry?.stop();
});

const remote = (name: string) => `${registry.host}/bootstick-test/os:${name}`;

/** Published as a person would: `bootstick push`, through the built helper. */
async function publish(image: string, ref: string): Promise<void> {
  const pushed = await bootstick('push', image, ref, '--insecure', '--no-moving-tag');
  expect(pushed.code, pushed.stderr).toBe(0);
}

describe('what hosts will download, measured', () => {
  it('v2 = v1 + one RUN: one new layer, and its size is the layer bytes the registry sends', async () => {
    await publish(images.v1, remote('1'));
    await publish(images.v2, remote('2'));

    const answer = await bootstick(
      'update',
      'diff',
      `docker://${remote('1')}`,
      `docker://${remote('2')}`,
      '--insecure',
      '--json',
    );
    expect(answer.code, answer.stderr).toBe(0);
    const diff = UpdateDiffSchema.parse(JSON.parse(answer.stdout));
    expect(diff.newLayers).toBe(1);
    expect(diff.totalLayers).toBeGreaterThan(1);
    expect(diff.sizesAreDownloads).toBe(true);
    const fresh = diff.layers.filter((layer) => layer.isNew);
    expect(fresh[0]?.createdBy).toMatch(/^RUN echo "version 2 of .*" > \/etc\/bootstick-update$/);
    expect(fresh[0]?.size).toBe(diff.newBytes);

    // A second host that runs v1 pulls v2: the registry's log says what it sent.
    await host.podman(['pull', '--tls-verify=false', remote('1')]);
    const before = (await registry.requests()).length;
    await host.podman(['pull', '--tls-verify=false', remote('2')]);
    const sent = blobBytesSent((await registry.requests()).slice(before));

    const layerDigests = new Set(diff.to.layers.map((layer) => layer.digest));
    const layerBytes = [...sent].filter(([digest]) => layerDigests.has(digest));
    const otherBytes = [...sent].filter(([digest]) => !layerDigests.has(digest));
    expect(layerBytes.map(([digest]) => digest)).toEqual(fresh.map((layer) => layer.digest));
    expect(layerBytes.reduce((sum, [, bytes]) => sum + bytes, 0)).toBe(diff.newBytes);
    // What else was fetched is the config blob, counted apart (manifests are not blobs).
    expect(otherBytes.length).toBe(1);
  }, 600_000);

  it('a flat image: every update downloads all layers, and the answer says to rechunk', async () => {
    await publish(images.flat1, remote('flat-1'));
    await publish(images.flat2, remote('flat-2'));
    const answer = await bootstick(
      'update',
      'diff',
      `docker://${remote('flat-1')}`,
      `docker://${remote('flat-2')}`,
      '--insecure',
    );
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toMatch(/1 of 1 layers, .* will be downloaded\./);
    expect(answer.stdout).toContain('All layers are new');
    expect(answer.stdout).toContain('rpm-ostree compose build-chunked-oci');
  }, 600_000);

  it('before pushing: a local v2 against the registry’s v1 finds the same one new layer', async () => {
    const answer = await bootstick(
      'update',
      'diff',
      `docker://${remote('1')}`,
      `containers-storage:${images.v2}`,
      '--insecure',
      '--json',
    );
    expect(answer.code, answer.stderr).toBe(0);
    const diff = UpdateDiffSchema.parse(JSON.parse(answer.stdout));
    expect(diff.newLayers).toBe(1);
    expect(diff.sizesAreDownloads).toBe(false);
  }, 120_000);

  it('an image that is nowhere is refused in words, exit 2', async () => {
    const answer = await bootstick(
      'update',
      'diff',
      `docker://${remote('1')}`,
      `docker://${remote('missing')}`,
      '--insecure',
    );
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain(
      `${remote('missing')} was found neither in root’s image storage nor in its registry`,
    );
  }, 120_000);

  it('resolves a multi-architecture index to the hosts’ architecture', async () => {
    const arm = await ensureSourceImage('bootc', { arch: 'arm64' });
    await podman(['manifest', 'create', indexName]);
    await podman(['manifest', 'add', indexName, `containers-storage:${images.v1}`]);
    await podman(['manifest', 'add', indexName, `containers-storage:${arm}`]);
    await podman(
      ['manifest', 'push', '--all', '--tls-verify=false', indexName, `docker://${remote('multi')}`],
      {
        timeoutMs: 300_000,
      },
    );
    await publish(arm, remote('arm-only'));
    const diffFor = async (arch: string) => {
      const answer = await bootstick(
        'update',
        'diff',
        `docker://${remote('arm-only')}`,
        `docker://${remote('multi')}`,
        '--insecure',
        '--arch',
        arch,
        '--json',
      );
      expect(answer.code, answer.stderr).toBe(0);
      return UpdateDiffSchema.parse(JSON.parse(answer.stdout));
    };
    const onArm = await diffFor('arm64');
    expect(onArm.to.architecture).toBe('arm64');
    expect(onArm.newLayers).toBe(0);
    const onAmd = await diffFor('amd64');
    expect(onAmd.to.architecture).toBe('amd64');
    expect(onAmd.to.manifestDigest).not.toBe(onArm.to.manifestDigest);
    const none = await bootstick(
      'update',
      'diff',
      `docker://${remote('arm-only')}`,
      `docker://${remote('multi')}`,
      '--insecure',
      '--arch',
      's390x',
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('is an index with no image for s390x');
  }, 600_000);
});
