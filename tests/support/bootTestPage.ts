import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { BuildRecord } from '../../src/shared/diskImages/buildRecord';
import { openRenderer, type RendererHarness } from './rendererHarness';

/**
 * The app on a data dir of its own that emulates (this host's KVM is unreliable) and lists loop
 * drives; `sshAuthSock`: the agent main sees (none unless given).
 */
export async function openBootTestApp(
  dataDirs: string[],
  options: { sshAuthSock?: string } = {},
): Promise<RendererHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bootstick-e2e-boot-'));
  dataDirs.push(dataDir);
  await writeFile(
    join(dataDir, 'settings.json'),
    JSON.stringify({ showVirtualDrives: true, bootTestAccelerator: 'tcg' }),
  );
  return openRenderer({ dataDir, ...options });
}

/**
 * A finished raw build in the History, as the disk image service saves one: its artifact is the
 * file given (a boot fixture standing in for bib's disk.raw, which the stand-in bib cannot boot).
 */
export async function seedBuildRecord(dataDir: string, artifact: string): Promise<BuildRecord> {
  const dir = join(dataDir, 'builds', 'history');
  await mkdir(dir, { recursive: true });
  const id = `seeded-${randomBytes(4).toString('hex')}`;
  const now = new Date().toISOString();
  const record: BuildRecord = {
    id,
    request: {
      sourceImage: 'quay.io/example/lab-os:stable',
      type: 'raw',
      rootfs: null,
      targetArch: null,
      bibImage: 'quay.io/centos-bootc/bootc-image-builder:latest',
    },
    sourceDigest: null,
    bibDigest: null,
    configSha256: '0'.repeat(64),
    cacheKey: null,
    startedAt: now,
    endedAt: now,
    containerStartMs: null,
    outcome: 'succeeded',
    error: null,
    preflight: [],
    outputDir: null,
    artifact,
    artifactBytes: (await stat(artifact).catch(() => null))?.size ?? 0,
    logFile: null,
    warnings: [],
  };
  await writeFile(join(dir, `${id}.json`), JSON.stringify(record));
  return record;
}

/** Opens a tool from the Tools navigation and waits for its heading. */
export async function openTool(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: /Tools|도구/ })
    .getByRole('link', { name })
    .click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

/** Unfolds a start control's "Log in … and run checks" part (the one after `start`). */
export async function unfoldLogin(scope: Page | Locator): Promise<void> {
  await scope.getByRole('button', { name: 'Log in over SSH and run checks (optional)' }).first().click();
}

export const consoleText = async (page: Page): Promise<string> =>
  (await page.getByTestId('boot-console').textContent()) ?? '';

/** The "Log in as" text field and the "Checks" box (not the folded section named after them). */
export const userField = (scope: Page | Locator): Locator =>
  scope.getByRole('textbox', { name: 'Log in as', exact: true });
export const checksField = (scope: Page | Locator): Locator =>
  scope.getByRole('textbox', { name: 'Checks', exact: true });
