import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS } from '../support/builtApp';
import { tabTo } from '../support/flashPage';
import { type LocalRegistry, requireRegistry, startRegistry } from '../support/localRegistry';
import { findingsInBothThemes, screenshotInBothLanguages } from '../support/looks';
import { podman } from '../support/podman';
import { ensureSourceImage, requirePodman } from '../support/podmanFixtures';
import { openRenderer, type RendererHarness } from '../support/rendererHarness';
import { MiB } from '../support/units';
import { buildUpdateImages, type UpdateImages } from '../support/updateImages';

const run = promisify(execFile);

/**
 * The Update tool as a person uses it, on the real router and helper, real rootful podman and a
 * real registry (Debian's docker-registry on 127.0.0.1): publish v1 with its moving tag, compare
 * the hosts' stable (or the digest a host reports in `bootc status --json`) with v2 — one new
 * layer, its size and the RUN that made it —, publish v2, and every refusal said in words.
 */

const id = randomBytes(4).toString('hex');
let registry: LocalRegistry;
/** A registry that wants a login the person got wrong. */
let guarded: LocalRegistry;
const login = { user: 'publisher', password: 'right-horse-battery' };
let images: UpdateImages;
let harness: RendererHarness;
let page: Page;
let scratch: string;
const big = `localhost/bootstick-test/update-tool-big-${id}:1`;
const index = `localhost/bootstick-test/update-tool-index-${id}:multi`;
const repo = () => `${registry.host}/bootstick-test/update-tool-${id}`;

/** The digest a tag points at, asked of the registry itself (null: no such tag). */
async function tagDigest(ref: string): Promise<string | null> {
  try {
    const { stdout } = await run('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--format',
      '{{.Digest}}',
      `docker://${ref}`,
    ]);
    return stdout.trim();
  } catch {
    return null;
  }
}

/** The layers of a registry image as its manifest lists them (what a host downloads). */
async function registryLayers(ref: string): Promise<Array<{ digest: string; size: number }>> {
  const { stdout } = await run('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`]);
  return (JSON.parse(stdout) as { layers: Array<{ digest: string; size: number }> }).layers;
}

beforeAll(async () => {
  await requirePodman();
  await requireRegistry();
  await mkdir(SCREENSHOTS, { recursive: true });
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-e2e-update-'));
  [registry, guarded, images] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: login }),
    buildUpdateImages(),
  ]);
  // The person has logged in nowhere: the push goes without credentials (the helper reads this as
  // them). Set only now: docker-registry would take REGISTRY_* variables as its own configuration.
  await writeFile(join(scratch, 'no-logins.json'), '{"auths":{}}');
  process.env.REGISTRY_AUTH_FILE = join(scratch, 'no-logins.json');
  harness = await openRenderer();
  page = harness.page;
}, 600_000);

afterAll(async () => {
  await harness?.close();
  await podman(['rmi', '--ignore', big]).catch(() => {});
  await podman(['manifest', 'rm', index]).catch(() => {});
  await images?.remove();
  await Promise.all([registry?.stop(), guarded?.stop()]);
  delete process.env.REGISTRY_AUTH_FILE;
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A text field by its label (required ones end in PatternFly's asterisk, so matched by their start). */
const field = (label: string) => page.getByRole('textbox', { name: label });
const refusal = () => page.getByTestId('update-refusal');
const summary = () => page.getByTestId('update-summary');

async function compare(from: string, to: string): Promise<void> {
  await field('What the hosts run').fill(from);
  await field('The new version').fill(to);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Compare' }).waitFor();
  await expect
    .poll(async () => (await summary().count()) + (await refusal().count()), { timeout: 60_000 })
    .toBe(1);
}

async function push(image: string, destination: string): Promise<string[]> {
  await field('Image in root’s storage').fill(image);
  await field('Version reference').fill(destination);
  await field('Moving tag').fill('stable');
  await page.getByRole('button', { name: 'Push', exact: true }).click();
  const outcome = page.getByTestId('push-outcome');
  await outcome.waitFor({ timeout: 120_000 });
  return (await outcome.locator('.pf-v6-c-alert__title, p').allTextContents()).map((text) =>
    text.replace(/^(Success|Danger|Info) alert:/, ''),
  );
}

describe('the Update tool', () => {
  it('is in the tools, reached with the keyboard, and clean in both themes and languages', async () => {
    await tabTo(page, page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Update' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Update', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'What hosts will download', level: 3 }).waitFor();
    expect(await findingsInBothThemes(page, 'update tool, empty')).toEqual([]);
    await screenshotInBothLanguages(page, 'update-tool-empty');
  });

  it('publishes v1 with a visible progress, then moves stable to exactly what was pushed', async () => {
    await page.getByLabel('The registry is a local one without TLS verification').check();
    await field('Image in root’s storage').fill(images.v1);
    await field('Version reference').fill(`${repo()}:1`);
    await field('Moving tag').fill('stable');
    await page.getByRole('button', { name: 'Push', exact: true }).click();
    // Progress from podman's own lines while it runs (a tiny image may finish first).
    await expect
      .poll(
        async () =>
          (await page.getByTestId('push-progress').count()) +
          (await page.getByTestId('push-outcome').count()),
      )
      .toBeGreaterThan(0);
    const outcome = page.getByTestId('push-outcome');
    await outcome.waitFor({ timeout: 120_000 });
    const digest = await tagDigest(`${repo()}:1`);
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    await outcome.getByText(`Pushed ${images.v1} as ${repo()}:1 (${digest}).`).waitFor();
    await outcome.getByText(`stable now points at ${repo()}:1.`).waitFor();
    expect(await tagDigest(`${repo()}:stable`)).toBe(digest);
    await page.getByText('What podman said').click();
    await page
      .getByText(/Copying blob sha256:/)
      .first()
      .waitFor();
  }, 180_000);

  it('compares the hosts’ stable with a local v2: one new layer, the RUN that made it', async () => {
    await compare(`${repo()}:stable`, `containers-storage:${images.v2}`);
    const rows = page.getByTestId('update-layer');
    const total = await rows.count();
    expect(total).toBeGreaterThan(1);
    expect(await summary().textContent()).toMatch(
      new RegExp(`^1 of ${total} layers, at most .+ of .+ \\(uncompressed; `),
    );
    const fresh = rows.filter({ hasText: 'new' }).filter({ hasNotText: 'already on the hosts' });
    expect(await fresh.count()).toBe(1);
    expect(await fresh.textContent()).toContain('RUN echo "version 2 of');
    expect(await rows.filter({ hasText: 'already on the hosts' }).count()).toBe(total - 1);
    await page.getByText('bootc downloads whole changed layers, not changed files').waitFor();
    expect(await page.getByTestId('update-rechunk-hint').count()).toBe(0);
    // The local new version is what gets pushed next.
    expect(await field('Image in root’s storage').inputValue()).toBe(images.v2);
    expect(await findingsInBothThemes(page, 'update tool, diff')).toEqual([]);
    await screenshotInBothLanguages(page, 'update-tool-diff');
  }, 120_000);

  it('publishes v2, and the registry’s numbers are exactly the new layer a v1 host downloads', async () => {
    const lines = await push(images.v2, `${repo()}:2`);
    expect(lines.join('\n')).toContain(`stable now points at ${repo()}:2.`);
    await compare(`docker://${repo()}:1`, `docker://${repo()}:2`);
    const [v1, v2] = [await registryLayers(`${repo()}:1`), await registryLayers(`${repo()}:2`)];
    const known = new Set(v1.map((layer) => layer.digest));
    const added = v2.filter((layer) => !known.has(layer.digest));
    expect(added).toHaveLength(1);
    const newLayer = page
      .getByTestId('update-layer')
      .filter({ hasText: added[0]?.digest.slice(0, 19) ?? '?' });
    await newLayer.getByText('new', { exact: true }).waitFor();
    expect(await summary().textContent()).toMatch(
      new RegExp(`^1 of ${v2.length} layers, .+ will be downloaded\\.$`),
    );
  }, 180_000);

  it('resolves a multi-architecture index to the hosts’ architecture', async () => {
    const arm = await ensureSourceImage('bootc', { arch: 'arm64' });
    await podman(['manifest', 'create', index]);
    await podman(['manifest', 'add', index, `containers-storage:${images.v1}`]);
    await podman(['manifest', 'add', index, `containers-storage:${arm}`]);
    await podman(['manifest', 'push', '--all', '--tls-verify=false', index, `docker://${repo()}:multi`], {
      timeoutMs: 300_000,
    });
    const arch = page.getByRole('combobox', { name: 'The hosts’ architecture' });
    const versions = page.getByTestId('update-versions');
    for (const [choice, shown] of [
      ['arm64', 'arm64'],
      ['amd64', 'amd64'],
    ] as const) {
      await arch.selectOption(choice);
      await compare(`docker://${repo()}:1`, `docker://${repo()}:multi`);
      expect(await versions.textContent()).toBe(`${repo()}:1 → ${repo()}:multi (${shown})`);
    }
    // amd64 hosts on v1 get v1's own image from the index: nothing new to download.
    expect(await summary().textContent()).toMatch(/^0 of \d+ layers, /);
    await arch.selectOption('');
  }, 300_000);

  it('takes the booted digest from a pasted `bootc status --json`, and refuses what is not that', async () => {
    const booted = await tagDigest(`${repo()}:1`);
    await page.getByRole('button', { name: 'Or paste `bootc status --json` from a host' }).click();
    const paste = page.getByRole('textbox', { name: 'Or paste `bootc status --json` from a host' });
    await paste.fill('apiVersion: org.containers.bootc/v1\nkind: BootcHost\n');
    await page.getByRole('button', { name: 'Use the booted image' }).click();
    await page.getByText('This is not JSON. Run `sudo bootc status --json`').waitFor();
    await paste.fill('{"kind":"BootcHost","status":{"booted":null}}');
    await page.getByRole('button', { name: 'Use the booted image' }).click();
    await page.getByText('This host is not booted from a container image').waitFor();
    await paste.fill(
      JSON.stringify({
        apiVersion: 'org.containers.bootc/v1',
        kind: 'BootcHost',
        status: {
          booted: {
            image: { image: { image: `${repo()}:stable`, transport: 'registry' }, imageDigest: booted },
          },
        },
      }),
    );
    await page.getByRole('button', { name: 'Use the booted image' }).click();
    await page.getByText(`The host boots ${repo()}:stable at ${booted}.`).waitFor();
    expect(await field('What the hosts run').inputValue()).toBe(`docker://${repo()}@${booted}`);
    await field('The new version').fill(`docker://${repo()}:2`);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect
      .poll(() => summary().textContent(), { timeout: 60_000 })
      .toMatch(/^1 of \d+ layers, .+ will be downloaded\.$/);
    expect(await findingsInBothThemes(page, 'update tool, pasted status')).toEqual([]);
  }, 120_000);

  it('shows a flat image’s every update as all layers, with the rechunk hint', async () => {
    await compare(`containers-storage:${images.flat1}`, `containers-storage:${images.flat2}`);
    expect(await summary().textContent()).toMatch(/^1 of 1 layers, /);
    await page.getByText('All layers are new: hosts will download the whole image.').waitFor();
    await page.getByTestId('update-rechunk-hint').getByText('rpm-ostree compose build-chunked-oci').waitFor();
  }, 120_000);

  it('says in words why a comparison has no answer', async () => {
    await compare('not an image!', `${repo()}:2`);
    await refusal().getByText('“not an image!” is not an image reference').waitFor();
    await compare(`docker://${repo()}:missing`, `docker://${repo()}:2`);
    await refusal()
      .getByText(`${repo()}:missing was found neither in root’s image storage nor in its registry.`)
      .waitFor();
    await compare('docker://127.0.0.1:1/bootstick-test/nothing:1', `docker://${repo()}:2`);
    await refusal()
      .getByText('The registry of 127.0.0.1:1/bootstick-test/nothing:1 could not be reached')
      .waitFor();
    // A plain-HTTP registry is not trusted unless the person says it is local.
    await page.getByLabel('The registry is a local one without TLS verification').uncheck();
    await compare(`docker://${repo()}:1`, `docker://${repo()}:2`);
    await refusal().getByText(`The registry of ${repo()}:2 did not pass TLS verification`).waitFor();
    await page.getByLabel('The registry is a local one without TLS verification').check();
    expect(await findingsInBothThemes(page, 'update tool, refusal')).toEqual([]);
  }, 120_000);

  it('cancels a push while its layers move, leaving stable where it was', async () => {
    const context = join(scratch, 'big');
    await mkdir(context);
    await writeFile(join(context, 'payload.bin'), randomBytes(96 * MiB));
    await writeFile(
      join(context, 'Containerfile'),
      `FROM ${images.v1}\nCOPY payload.bin /usr/share/payload.bin\n`,
    );
    await podman(['build', '--quiet', '--tag', big, context], { timeoutMs: 600_000 });
    const stableBefore = await tagDigest(`${repo()}:stable`);
    await field('Image in root’s storage').fill(big);
    await field('Version reference').fill(`${repo()}:big`);
    await field('Moving tag').fill('stable');
    await page.getByRole('button', { name: 'Push', exact: true }).click();
    await page
      .getByTestId('push-progress')
      .getByText(/^Sending layer \d of \d+$/)
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel push' }).click();
    await page
      .getByTestId('push-outcome')
      .getByText('The push was cancelled. stable was not moved.')
      .waitFor({ timeout: 60_000 });
    expect(await tagDigest(`${repo()}:stable`)).toBe(stableBefore);
    expect(await tagDigest(`${repo()}:big`)).toBeNull();
    expect(await page.getByRole('button', { name: 'Push', exact: true }).isEnabled()).toBe(true);
  }, 300_000);

  it('says why a registry would not take a push, each in its own words, stable untouched', async () => {
    const stable = await tagDigest(`${repo()}:stable`);
    const insecure = page.getByLabel('The registry is a local one without TLS verification');
    await insecure.uncheck();
    let lines = await push(images.v2, `${repo()}:tls`);
    expect(lines[0]).toContain(`The registry of ${repo()}:tls did not pass TLS verification`);
    expect(lines[0]).toContain('tick “The registry is a local one without TLS verification”');
    await insecure.check();
    lines = await push(images.v2, '127.0.0.1:1/bootstick-test/nowhere:2');
    expect(lines[0]).toContain('The registry of 127.0.0.1:1/bootstick-test/nowhere:2 could not be reached');
    const wrong = Buffer.from(`${login.user}:wrong-horse`).toString('base64');
    await writeFile(
      join(scratch, 'wrong-login.json'),
      JSON.stringify({ auths: { [guarded.host]: { auth: wrong } } }),
      {
        mode: 0o600,
      },
    );
    process.env.REGISTRY_AUTH_FILE = join(scratch, 'wrong-login.json');
    try {
      lines = await push(images.v2, `${guarded.host}/bootstick-test/os:2`);
    } finally {
      process.env.REGISTRY_AUTH_FILE = join(scratch, 'no-logins.json');
    }
    expect(lines[0]).toContain(
      `The registry refused the credentials for ${guarded.host}/bootstick-test/os:2: log in again with \`podman login\``,
    );
    expect(lines).toContain('stable was not moved: it still points at what it pointed at before.');
    expect(await tagDigest(`${repo()}:tls`)).toBeNull();
    expect(await tagDigest(`${repo()}:stable`)).toBe(stable);
  }, 240_000);

  it('compares with the keyboard alone: Tab to each field, Enter to compare', async () => {
    await field('What the hosts run').fill('');
    await field('The new version').fill('');
    await tabTo(page, field('What the hosts run'));
    await page.keyboard.type(`docker://${repo()}:1`);
    await tabTo(page, field('The new version'));
    await page.keyboard.type(`docker://${repo()}:2`);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => summary().textContent(), { timeout: 60_000 })
      .toMatch(/^1 of \d+ layers, .+ will be downloaded\.$/);
  }, 120_000);

  it('refuses a bad version reference and tag as typed, and an unknown image in words', async () => {
    await field('Version reference').fill(`${repo()}`);
    await page.getByText(`“${repo()}” is not a registry reference with a tag`).waitFor();
    expect(await page.getByRole('button', { name: 'Push', exact: true }).isDisabled()).toBe(true);
    await field('Version reference').fill(`${repo()}:3`);
    await field('Moving tag').fill('-stable');
    await page.getByText('“-stable” is not a tag').waitFor();
    expect(await page.getByRole('button', { name: 'Push', exact: true }).isDisabled()).toBe(true);
    const lines = await push(`localhost/bootstick-test/not-there-${id}:3`, `${repo()}:3`);
    expect(lines[0]).toBe(
      `localhost/bootstick-test/not-there-${id}:3 is not in root’s image storage: build or pull it first. Nothing was pushed.`,
    );
    expect(lines).toContain('stable was not moved: it still points at what it pointed at before.');
    expect(await tagDigest(`${repo()}:3`)).toBeNull();
    expect(await tagDigest(`${repo()}:stable`)).toBe(await tagDigest(`${repo()}:2`));
    expect(harness.errors).toEqual([]);
  }, 120_000);
});
