import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPreflight } from '../../../src/core/diskImages/preflight';
import type { ImageFacts, PodmanStatus } from '../../../src/shared/diskImages/bibRun';
import type { PreflightCheck } from '../../../src/shared/diskImages/buildRecord';
import { en, ko } from '../../../src/shared/i18n/catalogue';
import { describePreflightCheck } from '../../../src/shared/i18n/describePreflightCheck';
import { translateFrom } from '../../../src/shared/i18n/translate';

const podman = (status: Partial<PodmanStatus>): PodmanStatus => ({
  installed: true,
  version: '5.4.0',
  rootless: false,
  graphRoot: '/var/lib/containers/storage',
  problem: null,
  ...status,
});
const image = (present: boolean, bootc = true): ImageFacts => ({
  present,
  id: present ? 'abc' : null,
  digest: null,
  labels: bootc ? { 'containers.bootc': '1' } : {},
  size: present ? 10 * 1024 ** 4 : null, // 10 TiB: no test folder has twice that free
  architecture: 'amd64',
});

/** Every kind of line preflight can write: podman missing, broken, rootless, images absent or not bootc, folders. */
async function everyCheck(): Promise<PreflightCheck[]> {
  const refs = { source: 'localhost/os:1', bib: 'quay.io/centos-bootc/bootc-image-builder:latest' };
  const writable = await mkdtemp(join(tmpdir(), 'bootstick-preflight-'));
  const locked = await mkdtemp(join(tmpdir(), 'bootstick-preflight-'));
  await chmod(locked, 0o500);
  const runs = await Promise.all([
    runPreflight(
      {
        podmanStatus: async () => podman({ installed: false }),
        inspectContainerImage: async () => image(true),
      },
      refs,
      writable,
    ),
    runPreflight(
      {
        podmanStatus: async () => podman({ problem: 'no storage' }),
        inspectContainerImage: async () => image(true),
      },
      refs,
      writable,
    ),
    runPreflight(
      {
        podmanStatus: async () => podman({ rootless: true }),
        inspectContainerImage: async () => image(false),
      },
      refs,
      writable,
    ),
    runPreflight(
      { podmanStatus: async () => podman({}), inspectContainerImage: async () => image(true, false) },
      refs,
      locked,
    ),
    runPreflight(
      {
        podmanStatus: async () => podman({}),
        inspectContainerImage: async () => ({ ...image(true), size: 1 }),
      },
      refs,
      writable,
    ),
    runPreflight(
      { podmanStatus: async () => podman({}), inspectContainerImage: async () => image(true) },
      refs,
      writable,
    ),
  ]);
  return runs.flatMap((run) => run.checks);
}

describe('the preflight checklist in every language', () => {
  it('keeps, with each line, the words to say it again in Korean, with nothing left untranslated', async () => {
    const checks = await everyCheck();
    // Root can write anywhere, so the locked folder only fails when not run as root.
    const kinds = new Set(checks.map((check) => `${check.id}:${check.ok}`));
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    const korean = translateFrom(ko);
    for (const check of checks) {
      const { message, fix } = describePreflightCheck(check, korean);
      expect(`${message} ${fix ?? ''}`, check.message).not.toMatch(/\{\{|preflight\./);
      expect(message, check.id).not.toBe(check.message);
      expect(fix === null, check.id).toBe(check.fix === null);
    }
  });

  it('says the same in English as the record stores', async () => {
    const english = translateFrom(en);
    for (const check of await everyCheck()) {
      expect(describePreflightCheck(check, english)).toEqual({ message: check.message, fix: check.fix });
    }
  });

  it('names the image and the fix in the record’s own words', async () => {
    const checks = await everyCheck();
    expect(checks).toContainEqual(
      expect.objectContaining({
        id: 'sourceImage',
        ok: false,
        message: "localhost/os:1 is not in root's image storage; bootc-image-builder does not pull it.",
        fix: 'Pull it (Bootstick offers to), or run `sudo podman pull localhost/os:1`.',
      }),
    );
  });

  it('shows an old record without words in the English it was stored with', () => {
    const old = { id: 'podman', ok: true, message: 'podman 4.3.1 works.', fix: null } as const;
    expect(describePreflightCheck(old, translateFrom(ko))).toEqual({
      message: 'podman 4.3.1 works.',
      fix: null,
    });
  });
});
