import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootFixture } from '../support/bootFixture';
import { SCREENSHOTS } from '../support/builtApp';
import { fixtureDrive, qemuHolding } from '../support/fixtureDrive';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { createLoopDevices } from '../support/loopDevices';
import { callMain } from '../support/pageActions';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

/**
 * Issue 16's "memory and CPUs set in Settings": the Settings tool says what this computer offers a
 * boot test (QEMU, firmware, KVM or not), refuses a VM size the computer cannot lend, and what it
 * saves is what QEMU gets, for an image file (run by main) and for a drive (run by the helper).
 */
const loops = createLoopDevices();
let harness: RendererHarness;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'bootstick-e2e-boot-settings-'));
  await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ showVirtualDrives: true }));
  harness = await openRenderer({ dataDir });
  page = harness.page;
});

afterAll(async () => {
  await harness?.close();
  await loops.cleanup();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function openSettings() {
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
}

const saveButton = () => page.getByRole('button', { name: 'Save settings' });

/** The QEMU running for `path` (an image file or a drive), once it has started. */
async function qemuFor(path: string): Promise<string[]> {
  await expect.poll(async () => (await qemuHolding(path)).length, { timeout: 60_000 }).toBe(1);
  const [qemu] = await qemuHolding(path);
  return qemu?.args ?? [];
}

/** The value that follows `flag` in QEMU's command line. */
const argAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

/** Starts a boot test the way the renderer does, and waits until its end has arrived. */
async function bootTestUntilCancelled(
  target: { kind: 'image'; path: string } | { kind: 'drive'; drive: string },
) {
  const started = await callMain(page, 'startBootTest', { target, timeoutSeconds: 300 });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const path = target.kind === 'image' ? target.path : target.drive;
  const args = await qemuFor(path);
  await callMain(page, 'cancelBootTest', { jobId: started.value.jobId });
  await expect.poll(async () => (await qemuHolding(path)).length, { timeout: 30_000 }).toBe(0);
  return args;
}

describe('boot tests in Settings', () => {
  it('says what this computer offers a boot test: QEMU, firmware, arm64, KVM or emulation', async () => {
    await openSettings();
    const facts = page.getByTestId('boot-test-host');
    await facts.waitFor();
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain('QEMU: /usr/bin/qemu-system-x86_64');
    expect(text).toMatch(/UEFI firmware: \/usr\/share\/OVMF\/\S+\.fd/);
    expect(text).toMatch(/KVM \(hardware virtualisation\)|Emulation \(TCG, no KVM\)/);
    // arm64 images: this host has qemu-system-arm and qemu-efi-aarch64 (scripts/install-system-deps.sh).
    expect(text).toContain(
      'arm64 images: booted emulated (TCG) with /usr/bin/qemu-system-aarch64 and /usr/share/AAVMF/AAVMF_CODE.fd.',
    );
    expect(await page.getByLabel('VM memory (MiB)').inputValue()).toBe('2048');
    expect(await page.getByLabel('VM CPUs').inputValue()).toBe('2');
  });

  it('refuses a VM size this computer cannot lend, saving nothing', async () => {
    await page.getByLabel('VM memory (MiB)').fill('100');
    await page
      .getByText('Enter a whole number of MiB from 256 to 16384, no more than this computer can lend.')
      .waitFor();
    const has = page.getByText(
      /This computer has \d+ MiB and \d+ CPUs; it keeps \d+ MiB for itself, so a VM may have up to \d+ MiB\./,
    );
    expect(await has.count()).toBeGreaterThan(0);
    await page.getByLabel('VM memory (MiB)').fill('2048');
    await page.getByLabel('VM CPUs').fill('0');
    await page
      .getByText('Enter a whole number of CPUs from 1 to 8, no more than this computer has.')
      .waitFor();
    expect(await saveButton().isDisabled()).toBe(true);
    // Main refuses it too, whatever a renderer sends.
    for (const patch of [{ bootTestMemoryMiB: 99_999 }, { bootTestCpus: 0 }, { bootTestCpus: 1.5 }]) {
      expect(await callMain(page, 'updateSettings', patch)).toMatchObject({
        ok: false,
        error: { code: 'invalidInput' },
      });
    }
    expect(await callMain(page, 'getSettings', {})).toMatchObject({
      ok: true,
      value: { bootTestMemoryMiB: 2048, bootTestCpus: 2, bootTestAccelerator: 'auto' },
    });
    await page.getByRole('button', { name: 'Undo changes' }).click();
    expect(await page.getByLabel('VM CPUs').inputValue()).toBe('2');
  });

  it('saves memory, CPUs and the accelerator, and QEMU gets exactly them', async () => {
    await page.getByLabel('VM memory (MiB)').fill('512');
    await page.getByLabel('VM CPUs').fill('1');
    // This host's KVM is unreliable: emulate, as every boot test here does.
    await page.getByLabel('Accelerator').selectOption('tcg');
    await saveButton().click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByTestId('boot-test-host').scrollIntoViewIfNeeded();
    expect(await findingsInBothThemes(page, 'boot test settings')).toEqual([]);
    await screenshotInBothLanguages(page, 'boot-test-settings');

    await page.reload();
    await openSettings();
    expect(await page.getByLabel('VM memory (MiB)').inputValue()).toBe('512');
    expect(await page.getByLabel('VM CPUs').inputValue()).toBe('1');
    expect(await page.getByLabel('Accelerator').inputValue()).toBe('tcg');

    // An image file: main runs QEMU as the person.
    const image = await bootFixture('silent');
    const imageArgs = await bootTestUntilCancelled({ kind: 'image', path: image });
    expect([argAfter(imageArgs, '-m'), argAfter(imageArgs, '-smp')]).toEqual(['512', '1']);
    expect(imageArgs.join(' ')).toContain('accel=tcg');

    // A drive: the helper runs QEMU, with the size main asked for (within what root lends).
    const drive = await fixtureDrive(loops, 'silent');
    const driveArgs = await bootTestUntilCancelled({ kind: 'drive', drive: drive.path });
    expect([argAfter(driveArgs, '-m'), argAfter(driveArgs, '-smp')]).toEqual(['512', '1']);
    expect(driveArgs.join(' ')).toContain('accel=tcg');
  }, 180_000);
});
