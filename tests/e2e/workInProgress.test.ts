import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';

const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPKlgWLL8YcjaJJuizgbayxwR7WF9c1750BQmAmiMhTH bob@laptop';
const TYPED_PASSWORD = 'never on disk 8731!';
let dataDir: string;
let harness: RendererHarness | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bootstick-e2e-restart-'));
});

afterAll(async () => {
  await harness?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The app closed and started again on the same data folder: a new renderer and a new main. */
async function restart(): Promise<RendererHarness> {
  await harness?.close();
  harness = await openRenderer({ dataDir });
  return harness;
}

describe('work in progress survives a restart of the app', () => {
  it('comes back on the step the person was on, with the form as they left it, minus the typed password', async () => {
    const { page } = await restart();
    await page.getByLabel('bootc image').fill('localhost/restart-test:1');
    await page.getByRole('button', { name: 'Next: blueprint' }).click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    await page.getByLabel('User name').fill('carol');
    await page.getByLabel('SSH public keys').fill(SSH_KEY);
    await page.getByLabel('Password').fill(TYPED_PASSWORD);
    await page.getByLabel('Groups').fill('wheel, docker');
    await page.locator('#user-0-password-helper').getByText('Password set').waitFor();
    await page.getByLabel('Kernel arguments').fill('console=ttyS0');
    // Saved within a moment of the last change.
    await expect
      .poll(async () =>
        (await readFile(join(dataDir, 'draft.json'), 'utf8').catch(() => '')).includes('ttyS0'),
      )
      .toBe(true);

    const after = (await restart()).page;
    await after.getByRole('heading', { name: 'Blueprint', level: 2 }).waitFor();
    expect(await after.getByLabel('User name').inputValue()).toBe('carol');
    expect(await after.getByLabel('Groups').inputValue()).toBe('wheel, docker');
    expect(await after.getByLabel('Kernel arguments').inputValue()).toBe('console=ttyS0');
    await after.getByText(/ED25519 key SHA256:\S+ bob@laptop/).waitFor();
    // The hash came back (no need to type it again); the typed text was never kept anywhere.
    await after.locator('#user-0-password-helper').getByText('Password set').waitFor();
    expect(await after.getByLabel('Password').inputValue()).toBe('');
    const saved = await readFile(join(dataDir, 'draft.json'), 'utf8');
    expect(saved).not.toContain(TYPED_PASSWORD);
    expect(saved).toMatch(/"passwordHash":"\$6\$/);
    await after.getByRole('link', { name: '1. Image' }).click();
    expect(await after.getByLabel('bootc image').inputValue()).toBe('localhost/restart-test:1');
  });

  it('starts empty when the saved work cannot be read, and keeps the damaged file aside', async () => {
    await harness?.close();
    harness = undefined;
    await writeFile(join(dataDir, 'draft.json'), '{"step": "bluepr');
    const { page } = await restart();
    await page.getByLabel('bootc image').waitFor();
    expect(await page.getByLabel('bootc image').inputValue()).toBe('');
    expect((await readdir(dataDir)).some((file) => file.startsWith('draft.json.invalid-'))).toBe(true);
  });
});
