import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sshpk from 'sshpk';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBlueprint } from '../../../src/core/blueprint/checkBlueprint';
import { inspectSshKeys } from '../../../src/core/blueprint/inspectSshKey';

/**
 * Real keys, made for this run: with ssh-keygen when it is installed (then its own `-l` output is
 * the reference for the fingerprint), else with node:crypto converted by sshpk.
 */
const dir = mkdtempSync(join(tmpdir(), 'bootstick-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasSshKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // ssh-keygen -? exits non-zero but exists; ENOENT means it is missing.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();
if (!hasSshKeygen)
  console.warn('ssh-keygen is not installed: SSH key tests use keys made with node:crypto and sshpk.');

interface KeyPair {
  publicLine: string;
  privateText: string;
  /** What `ssh-keygen -l` says, when available: "256 SHA256:… comment (ED25519)". */
  listed: string | null;
}

function makeKey(
  type: 'ed25519' | 'rsa' | 'ecdsa',
  comment: string,
  passphrase = '',
  useSshKeygen = hasSshKeygen,
): KeyPair {
  if (useSshKeygen) {
    const file = join(dir, `${type}-${Math.random().toString(36).slice(2)}`);
    const bits = type === 'rsa' ? ['-b', '2048'] : [];
    execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', passphrase, '-C', comment, '-f', file]);
    return {
      publicLine: readFileSync(`${file}.pub`, 'utf8').trim(),
      privateText: readFileSync(file, 'utf8'),
      listed: execFileSync('ssh-keygen', ['-l', '-f', `${file}.pub`], { encoding: 'utf8' }).trim(),
    };
  }
  const pair =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : type === 'ecdsa'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = sshpk.parsePrivateKey(privatePem, 'pem');
  key.comment = comment;
  return { publicLine: key.toPublic().toString('ssh'), privateText: key.toString('openssh'), listed: null };
}

describe('inspectSshKeys', () => {
  const ed25519 = makeKey('ed25519', 'alice@laptop');
  const rsa = makeKey('rsa', 'alice@desktop');
  const ecdsa = makeKey('ecdsa', '');

  it('describes each public key line as ssh-keygen -l does', () => {
    const result = inspectSshKeys(
      `${ed25519.publicLine}\n\n# the desktop\n${rsa.publicLine}\r\n${ecdsa.publicLine}\n`,
    );
    expect(result).toMatchObject({
      ok: true,
      keys: [
        { line: 1, type: 'ED25519', bits: 256, comment: 'alice@laptop' },
        { line: 4, type: 'RSA', bits: 2048, comment: 'alice@desktop' },
        { line: 5, type: 'ECDSA', bits: 256, comment: '' },
      ],
    });
    if (!result.ok) return;
    for (const key of result.keys) expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    if (ed25519.listed)
      expect(ed25519.listed).toBe(`256 ${result.keys[0]?.fingerprint} alice@laptop (ED25519)`);
    if (rsa.listed) expect(rsa.listed).toBe(`2048 ${result.keys[1]?.fingerprint} alice@desktop (RSA)`);
  });

  it('reads keys made without ssh-keygen (node:crypto, converted by sshpk) the same way', () => {
    const made = makeKey('ed25519', 'made@node', '', false);
    const result = inspectSshKeys(made.publicLine);
    expect(result).toMatchObject({ ok: true, keys: [{ type: 'ED25519', bits: 256, comment: 'made@node' }] });
    expect(result.ok && result.keys[0]?.fingerprint).toBe(
      sshpk.parseKey(made.publicLine, 'ssh').fingerprint('sha256').toString(),
    );
    expect(inspectSshKeys(made.privateText)).toMatchObject({ ok: false, reason: 'privateKey' });
  });

  it('accepts authorized_keys options in front of a key', () => {
    const result = inspectSshKeys(
      `from="10.0.0.0/8,192.168.1.1",command="echo \\"hi there\\"",no-pty ${ed25519.publicLine}`,
    );
    expect(result).toMatchObject({ ok: true, keys: [{ type: 'ED25519', comment: 'alice@laptop' }] });
  });

  it('reads FIDO security keys, which sshpk does not know', () => {
    const blob = Buffer.concat([
      Buffer.from([0, 0, 0, 26]),
      Buffer.from('sk-ssh-ed25519@openssh.com'),
      Buffer.from([0, 0, 0, 32]),
      Buffer.alloc(32, 7),
      Buffer.from([0, 0, 0, 4]),
      Buffer.from('ssh:'),
    ]);
    const result = inspectSshKeys(`sk-ssh-ed25519@openssh.com ${blob.toString('base64')} yubikey`);
    expect(result).toMatchObject({ ok: true, keys: [{ type: 'ED25519-SK', bits: 256, comment: 'yubikey' }] });
  });

  it('accepts an empty field (no key)', () => {
    expect(inspectSshKeys('')).toEqual({ ok: true, keys: [] });
    expect(inspectSshKeys('\n  \n# nothing yet\n')).toEqual({ ok: true, keys: [] });
  });

  it('refuses a private key, plain or encrypted, in any format, without repeating any of it', () => {
    const encrypted = makeKey('ecdsa', 'x', 'passphrase');
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const body = ed25519.privateText.split('\n').slice(1, -2).join('\n');
    for (const privateText of [
      ed25519.privateText,
      rsa.privateText,
      encrypted.privateText,
      pem,
      body,
      `${ed25519.publicLine}\n${ed25519.privateText}`,
    ]) {
      const result = inspectSshKeys(privateText);
      expect(result).toMatchObject({ ok: false, reason: 'privateKey' });
      if (result.ok) continue;
      expect(result.message).toMatch(/PRIVATE SSH key\. It was not kept/);
      for (const line of privateText
        .split('\n')
        .filter((line) => line.length > 16 && !line.startsWith('-----'))) {
        expect(result.message).not.toContain(line.slice(0, 16));
      }
    }
  });

  it('refuses garbage by line number without echoing it', () => {
    const result = inspectSshKeys(`${ed25519.publicLine}\nmy password is hunter2`);
    expect(result).toEqual({
      ok: false,
      reason: 'notAPublicKey',
      line: 2,
      message: expect.stringContaining('Line 2 is not an SSH public key'),
      words: { key: 'sshKey.notPublic', values: { line: 2 } },
    });
    if (!result.ok) expect(result.message).not.toContain('hunter2');
    expect(inspectSshKeys('ssh-rsa AAA ... user@email.com')).toMatchObject({ ok: false, line: 1 });
    expect(inspectSshKeys(ed25519.publicLine.replace('ssh-ed25519', 'ssh-rsa'))).toMatchObject({ ok: false });
  });

  it('makes a pasted key an error of the user it belongs to, in checkBlueprint', () => {
    const problems = checkBlueprint({
      customizations: {
        user: [
          { name: 'alice', key: ed25519.publicLine },
          { name: 'bob', key: 'not a key' },
          { name: 'eve', key: rsa.privateText },
        ],
      },
    });
    expect(problems.map((problem) => [problem.path, problem.severity])).toEqual([
      [['customizations', 'user', 2, 'key'], 'error'],
      [['customizations', 'user', 1, 'key'], 'error'],
    ]);
    expect(JSON.stringify(problems)).not.toContain(rsa.privateText.split('\n')[1]?.slice(0, 20));
  });
});
