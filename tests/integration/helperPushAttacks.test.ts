import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperCallError, type HelperClient } from '../../src/core/privileged/helperClient';
import { requireBuild } from '../support/builtApp';
import { startTestHelper, testJobId } from '../support/helperSession';
import { type LocalRegistry, requireRegistry, startRegistry } from '../support/localRegistry';
import { ensureSourceImage, requirePodman } from '../support/podmanFixtures';

const run = promisify(execFile);

/**
 * The push as a compromised main would ask for it, to the built helper working for `nobody`
 * (as pkexec leaves it): credentials it could not read itself stay unread, and nothing a request
 * names becomes an option.
 */

const NOBODY = { uid: 65534, gid: 65534 };
const MARKER = 'root-only-secret-7f3a';
let helper: HelperClient;
let registry: LocalRegistry;
let scratch: string;
let image: string;
/** A folder of nobody's, holding a symlink to root's auth file. */
let theirs: string;
const lines: string[] = [];

async function tagExists(ref: string): Promise<boolean> {
  return run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  requireBuild();
  await requirePodman();
  await requireRegistry();
  image = await ensureSourceImage('bootc');
  registry = await startRegistry();
  scratch = await mkdtemp(join(tmpdir(), 'bootstick-push-attacks-'));
  await chmod(scratch, 0o755);
  // root's own credentials, which nobody may read.
  const auth = { auths: { [registry.host]: { auth: Buffer.from(`root:${MARKER}`).toString('base64') } } };
  await writeFile(join(scratch, 'root-auth.json'), JSON.stringify(auth), { mode: 0o600 });
  theirs = await mkdtemp(join(scratch, 'nobody-'));
  await chown(theirs, NOBODY.uid, NOBODY.gid);
  await symlink(join(scratch, 'root-auth.json'), join(theirs, 'auth.json'));
  helper = await startTestHelper({ caller: NOBODY.uid });
  helper.onBuildLog((line) => lines.push(line.line));
}, 300_000);
afterAll(async () => {
  await helper?.close();
  await registry?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a push asked of the helper for someone else', () => {
  it.each([
    ['a root-only auth file', () => join(scratch, 'root-auth.json')],
    ['a symlink of theirs to it', () => join(theirs, 'auth.json')],
  ])('does not read %s for them, and pushes nothing', async (_, path) => {
    const authFile = path();
    const ref = `${registry.host}/attack/os:1`;
    const result = await helper.call({
      method: 'pushImage',
      params: { jobId: testJobId(), image, destination: ref, movingTag: 'stable', insecure: true, authFile },
    });
    expect(result).toMatchObject({ ok: false, failure: 'authFileUnreadable', digest: null, movedTag: false });
    expect(result.detail).toMatch(/EACCES|ELOOP/);
    expect(await tagExists(ref)).toBe(false);
    expect(lines.join('\n')).not.toContain(MARKER);
  });

  it.each([
    ['an image that is an option', { image: '--authfile=/root/x' }],
    ['a destination that is an option', { destination: '--tls-verify=false' }],
    ['a moving tag that is a reference', { movingTag: 'other/repo:tag' }],
    ['argv of its own', { extraArgs: ['--creds=a:b'] }],
  ])('refuses %s as a bad request', async (_, change) => {
    const params = {
      jobId: testJobId(),
      image,
      destination: `${registry.host}/attack/os:2`,
      insecure: true,
      ...change,
    };
    const refused = await helper
      .call({ method: 'pushImage', params } as never)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HelperCallError);
    expect((refused as HelperCallError).error.code).toBe('badRequest');
    expect(await tagExists(`${registry.host}/attack/os:2`)).toBe(false);
  });

  it('reads no local image named like an option', async () => {
    const refused = await helper
      .call({ method: 'readLocalImage', params: { ref: '--help' } })
      .catch((error: unknown) => error);
    expect((refused as HelperCallError).error.code).toBe('badRequest');
  });

  it('tags for updates only under a trackable registry name', async () => {
    const refused = await helper
      .call({ method: 'tagForUpdates', params: { image, ref: 'localhost/evil:1' } })
      .catch((error: unknown) => error);
    expect((refused as HelperCallError).error.code).toBe('badRequest');
  });
});
