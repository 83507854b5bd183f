import { describe, expect, it } from 'vitest';
import { bootedImageOf } from '../../../src/shared/updates/bootcStatus';

const BOOTED = `sha256:${'b'.repeat(64)}`;
const STAGED = `sha256:${'c'.repeat(64)}`;

/** `bootc status --json` as bootc 1.1 prints it on a host booted from a registry image, one update staged. */
function status(booted: unknown, staged: unknown = null): string {
  return JSON.stringify({
    apiVersion: 'org.containers.bootc/v1',
    kind: 'BootcHost',
    metadata: { name: 'host' },
    spec: {
      image: { image: 'registry.example.com/org/os:stable', transport: 'registry' },
      bootOrder: 'default',
    },
    status: { staged, booted, rollback: null, rollbackQueued: false, type: 'bootcHost' },
  });
}

const entry = (
  imageDigest: unknown,
  image: unknown = { image: 'registry.example.com/org/os:stable', transport: 'registry' },
) => ({
  image: { image, version: '2', timestamp: null, imageDigest },
  cachedUpdate: null,
  incompatible: false,
  pinned: false,
  store: 'ostreeContainer',
});

describe('what a host runs, from a pasted `bootc status --json`', () => {
  it('takes the booted digest (not the staged one) in the tracked repository, from the registry', () => {
    expect(bootedImageOf(status(entry(BOOTED), entry(STAGED)))).toEqual({
      ok: true,
      from: `docker://registry.example.com/org/os@${BOOTED}`,
      image: 'registry.example.com/org/os:stable',
      digest: BOOTED,
    });
  });

  it('accepts the JSON with the spaces and line breaks a terminal copy brings', () => {
    const pasted = `\n  ${JSON.stringify(JSON.parse(status(entry(BOOTED))), null, 2)}\n`;
    expect(bootedImageOf(pasted)).toMatchObject({ ok: true, digest: BOOTED });
  });

  it('keeps a non-registry transport out of the registry', () => {
    const result = bootedImageOf(
      status(entry(BOOTED, { image: 'localhost/os:1', transport: 'containers-storage' })),
    );
    expect(result).toMatchObject({ ok: true, from: `localhost/os@${BOOTED}` });
  });

  it('refuses what is not JSON (the YAML `bootc status` prints without --json)', () => {
    expect(bootedImageOf('apiVersion: org.containers.bootc/v1\nkind: BootcHost\n')).toEqual({
      ok: false,
      problem: 'notJson',
    });
    expect(bootedImageOf('{"status": ')).toEqual({ ok: false, problem: 'notJson' });
  });

  it('refuses nothing pasted, and JSON that is not bootc’s status', () => {
    expect(bootedImageOf('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(bootedImageOf('{"Id": "abc", "RepoTags": []}')).toEqual({ ok: false, problem: 'notBootcStatus' });
    expect(bootedImageOf('[1, 2]')).toEqual({ ok: false, problem: 'notBootcStatus' });
  });

  it('refuses a host not booted from a container image', () => {
    expect(bootedImageOf(status(null))).toEqual({ ok: false, problem: 'notBooted' });
    expect(bootedImageOf(status({ image: null, store: 'ostreeContainer' }))).toEqual({
      ok: false,
      problem: 'notBooted',
    });
  });

  it('refuses a booted entry without a digest, or with one that is not sha256', () => {
    expect(bootedImageOf(status(entry(undefined)))).toEqual({ ok: false, problem: 'noDigest' });
    expect(bootedImageOf(status(entry('sha256:short')))).toEqual({ ok: false, problem: 'noDigest' });
  });

  it('refuses a booted entry without an image name to look the digest up under', () => {
    expect(bootedImageOf(status(entry(BOOTED, null)))).toEqual({ ok: false, problem: 'noImage' });
    expect(
      bootedImageOf(status(entry(BOOTED, { image: '--authfile=/etc/shadow', transport: 'registry' }))),
    ).toEqual({ ok: false, problem: 'noImage' });
  });
});
