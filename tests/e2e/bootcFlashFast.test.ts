import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveCard } from '../support/flashPage';
import { createLoopDevices } from '../support/loopDevices';
import { callMain } from '../support/pageActions';
import { podman } from '../support/podman';
import { ensureBibStandin, ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';

/**
 * Issue 19's second count: actions (clicks or fields filled) from app start to flashing for a
 * bootc image with a saved profile (which also says where its machines update from, so the build
 * needs no "build anyway") — the image's name, Next, Load profile, Next, Build, then "Flash this image", the drive, Flash, and the confirmation. The build is real (rootful podman,
 * the stand-in bib), the profile is a real saved one, the drive a real loop device.
 */
const DESIGNED_ACTIONS = 9;

const loops = createLoopDevices();
/** Only tagged onto the image in root's storage (nothing is pushed), so no registry listens here. */
const TRACKED = `127.0.0.1:5999/bootstick-test/lab-os-${randomBytes(4).toString('hex')}:stable`;
let harness: RendererHarness;
let outputRoot: string;
let source: string;

beforeAll(async () => {
  await requirePodman();
  const [bib, bootc] = await Promise.all([
    ensureBibStandin('bib'),
    ensureSourceImage('bootc', { pace: 1, diskSize: '2 GiB', tag: 'fast-flash' }),
  ]);
  source = bootc;
  outputRoot = await mkdtemp(join(tmpdir(), 'bootstick-e2e-bootc-fast-'));
  harness = await openRenderer();
  await callMain(harness.page, 'updateSettings', {
    bibImage: bib,
    buildOutputDir: outputRoot,
    showVirtualDrives: true,
  });
  await callMain(harness.page, 'saveProfile', {
    name: 'lab machines',
    blueprint: { customizations: { user: [{ name: 'ada', groups: ['wheel'], key: SSH_KEY }] } },
    // Where the lab's machines update from, kept with the profile: the build asks no confirmation.
    updatesFrom: TRACKED,
  });
}, 300_000);

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPKlgWLL8YcjaJJuizgbayxwR7WF9c1750BQmAmiMhTH ada@laptop';

afterAll(async () => {
  await harness?.close();
  await podman(['rmi', '--ignore', TRACKED]).catch(() => {});
  await loops.cleanup();
  if (outputRoot) await rm(outputRoot, { recursive: true, force: true });
});

describe('flashing a bootc image with a saved profile, from app start', () => {
  it(`takes ${DESIGNED_ACTIONS} actions: image, Next, profile, Next, Build, Flash this image, drive, Flash, confirm`, async () => {
    const { page } = harness;
    const drive = await loops.attach(2560 * MiB, { name: 'bootc-fast.img' });
    let actions = 0;
    const act = async (run: () => Promise<void>) => {
      actions += 1;
      await run();
    };
    await act(() => page.getByLabel('bootc image').fill(source));
    await act(() => page.getByRole('button', { name: 'Next: blueprint' }).click());
    await page.getByRole('combobox', { name: 'Saved profile' }).waitFor();
    await act(() => page.getByRole('button', { name: 'Load profile' }).click());
    await page.getByText('Profile lab machines is now in the form.').waitFor();
    await act(() => page.getByRole('button', { name: 'Next: build' }).click());
    await act(() => page.getByRole('button', { name: 'Build', exact: true }).click());
    await act(() => page.getByRole('button', { name: 'Flash this image' }).click({ timeout: 120_000 }));
    await act(async () => {
      const card = driveCard(page, drive.path);
      await card.waitFor({ timeout: 15_000 });
      await card.click();
    });
    await act(() => page.getByRole('button', { name: 'Flash 1 drive' }).click());
    await act(() =>
      page
        .getByRole('dialog', { name: 'Erase these drives?' })
        .getByRole('button', { name: 'Erase and flash' })
        .click(),
    );
    await page.getByTestId('report-id').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('drive-result').allTextContents()).toEqual([
      'Verified: the drive holds exactly the image',
    ]);
    console.log(`actions from app start to flashing a bootc image with a saved profile: ${actions}`);
    expect(actions).toBe(DESIGNED_ACTIONS);
    expect(harness.errors).toEqual([]);
  }, 300_000);
});
