import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResultSchema } from '../../src/shared/updates/pushImage';
import { BUILT, ROOT, requireBuild } from '../support/builtApp';
import { type LocalRegistry, requireRegistry, startRegistry } from '../support/localRegistry';
import { CONTAINERS_CONF, podman } from '../support/podman';
import { requirePodman } from '../support/podmanFixtures';
import { runCli } from '../support/runCli';
import { MiB } from '../support/units';
import { buildUpdateImages, type UpdateImages } from '../support/updateImages';

const run = promisify(execFile);

/**
 * Publishing a version through the built helper to real registries (Debian's docker-registry):
 * plain HTTP marked insecure, HTTPS with a certificate nobody trusts, and one that wants a login.
 * Every refusal has its own words, and the moving tag never points at a version that failed.
 */

let plain: LocalRegistry;
let tls: LocalRegistry;
let guarded: LocalRegistry;
let images: UpdateImages;
let scratch: string;
const login = { user: 'publisher', password: 'right-horse-battery' };

const bootstick = (...args: string[]) =>
  runCli(args, { CONTAINERS_CONF, REGISTRY_AUTH_FILE: join(scratch, 'no-logins.json') });

async function authFile(name: string, password: string, host: string): Promise<string> {
  const path = join(scratch, name);
  const auth = Buffer.from(`${login.user}:${password}`).toString('base64');
  await writeFile(path, JSON.stringify({ auths: { [host]: { auth } } }), { mode: 0o600 });
  return path;
}

/** The digest a tag points at, asked of the registry itself (null: no such tag). */
async function tagDigest(ref: string, extra: string[] = []): Promise<string | null> {
  try {
    const { stdout } = await run('skopeo', [
      'inspect',
      '--tls-verify=false',
      ...extra,
      '--format',
      '{{.Digest}}',
      `docker://${ref}`,
    ]);
    return stdout.trim();
  } catch {
    return null;
  }
}

beforeAll(async () => {
  requireBuild();
  await requirePodman();
  await requireRegistry();
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-push-'));
  await writeFile(join(scratch, 'no-logins.json'), '{"auths":{}}');
  [plain, tls, guarded] = await Promise.all([
    startRegistry(),
    startRegistry({ tls: true }),
    startRegistry({ auth: login }),
  ]);
  images = await buildUpdateImages();
}, 600_000);
const big = `localhost/bootstick-test/update-push-big-${randomBytes(4).toString('hex')}:1`;

afterAll(async () => {
  await podman(['rmi', '--ignore', big]).catch(() => {});
  await images?.remove();
  await Promise.all([plain?.stop(), tls?.stop(), guarded?.stop()]);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('bootstick push', () => {
  it('publishes the version, then points stable at exactly that digest; the next version moves it', async () => {
    const first = await bootstick('push', images.v1, `${plain.host}/org/os:1`, '--insecure', '--json');
    expect(first.code, first.stderr).toBe(0);
    const v1 = PushResultSchema.parse(JSON.parse(first.stdout));
    expect(v1).toMatchObject({ ok: true, movedTag: true, failure: null });
    expect(first.stderr).toContain('stable now points at');
    expect(await tagDigest(`${plain.host}/org/os:1`)).toBe(v1.digest);
    expect(await tagDigest(`${plain.host}/org/os:stable`)).toBe(v1.digest);

    const second = await bootstick('push', images.v2, `${plain.host}/org/os:2`, '--insecure', '--json');
    expect(second.code, second.stderr).toBe(0);
    const v2 = PushResultSchema.parse(JSON.parse(second.stdout));
    expect(v2.digest).not.toBe(v1.digest);
    expect(await tagDigest(`${plain.host}/org/os:stable`)).toBe(v2.digest);
  }, 300_000);

  it('refuses an image root does not have, exit 2, and sends nothing', async () => {
    const missing = 'localhost/bootstick-test/never-built:1';
    const result = await bootstick('push', missing, `${plain.host}/missing/os:1`, '--insecure');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${missing} is not in root’s image storage`);
    expect(await tagDigest(`${plain.host}/missing/os:1`)).toBeNull();
    expect(await tagDigest(`${plain.host}/missing/os:stable`)).toBeNull();
  }, 120_000);

  it('refuses a destination without a tag before starting anything', async () => {
    const result = await bootstick('push', images.v1, `${plain.host}/org/os`, '--insecure');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a registry reference with a tag');
  });

  it('says a registry nobody answers at could not be reached', async () => {
    const down = await startRegistry();
    const host = down.host;
    await down.stop();
    const result = await bootstick('push', images.v1, `${host}/org/os:1`, '--insecure');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The registry of ${host}/org/os:1 could not be reached`);
    expect(result.stderr).toContain('stable was not moved');
  }, 120_000);

  it('verifies TLS unless the registry was marked insecure: an untrusted certificate stops the push', async () => {
    const ref = `${tls.host}/org/os:1`;
    const result = await bootstick('push', images.v1, ref, '--json');
    expect(result.code).toBe(1);
    expect(PushResultSchema.parse(JSON.parse(result.stdout)).failure).toBe('tls');
    expect(result.stderr).toContain('did not pass TLS verification');
    expect(result.stderr).toMatch(/x509|certificate/);
    expect(await tagDigest(ref)).toBeNull();
    expect(await tagDigest(`${tls.host}/org/os:stable`)).toBeNull();
  }, 120_000);

  it('uses the person’s own login; wrong credentials fail in words and leave stable on the last good version', async () => {
    const good = await authFile('good.json', login.password, guarded.host);
    const bad = await authFile('bad.json', 'wrong', guarded.host);
    const first = await bootstick(
      'push',
      images.v1,
      `${guarded.host}/org/os:1`,
      '--insecure',
      '--authfile',
      good,
      '--json',
    );
    expect(first.code, first.stderr).toBe(0);
    const v1 = PushResultSchema.parse(JSON.parse(first.stdout));

    const refused = await bootstick(
      'push',
      images.v2,
      `${guarded.host}/org/os:2`,
      '--insecure',
      '--authfile',
      bad,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The registry refused the credentials');
    expect(refused.stderr).not.toContain('wrong');
    const asPublisher = ['--authfile', good];
    expect(await tagDigest(`${guarded.host}/org/os:2`, asPublisher)).toBeNull();
    expect(await tagDigest(`${guarded.host}/org/os:stable`, asPublisher)).toBe(v1.digest);
  }, 300_000);

  it('cancels on Ctrl-C through the helper: the version is not tagged and stable does not move', async () => {
    const context = join(scratch, 'big');
    await mkdir(context);
    await writeFile(join(context, 'payload.bin'), randomBytes(96 * MiB));
    await writeFile(
      join(context, 'Containerfile'),
      `FROM ${images.v1}\nCOPY payload.bin /usr/share/payload.bin\n`,
    );
    await podman(['build', '--quiet', '--tag', big, context], { timeoutMs: 600_000 });
    const ref = `${plain.host}/cancel/os:1`;
    const child = spawn('node', [BUILT.cli, 'push', big, ref, '--insecure'], {
      cwd: ROOT,
      env: { ...process.env, CONTAINERS_CONF, REGISTRY_AUTH_FILE: join(scratch, 'no-logins.json') },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // podman's progress arrives as the helper streams it; cancel once the blobs are moving.
        if (stderr.includes('Copying blob')) resolve();
      });
      void exited.then(() => resolve());
    });
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(1);
    expect(stderr).toContain('The push was cancelled. stable was not moved.');
    expect(await tagDigest(ref)).toBeNull();
    expect(await tagDigest(`${plain.host}/cancel/os:stable`)).toBeNull();
  }, 600_000);
});
