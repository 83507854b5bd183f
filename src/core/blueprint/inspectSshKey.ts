import { createHash } from 'node:crypto';
import sshpk from 'sshpk';
import { looksLikePrivateKey, PRIVATE_KEY_MESSAGE } from '../../shared/blueprint/privateKeyText';
import type { ProblemWords } from '../../shared/blueprint/problem';
import type { SshKeyInfo, SshKeyInspection } from '../../shared/blueprint/sshKeyInfo';
import { en } from '../../shared/i18n/catalogue';
import { sayWords } from '../../shared/i18n/describeProblem';
import { translateFrom } from '../../shared/i18n/translate';

/** Messages keep their English for the CLI and their words for the renderer's language. */
const english = translateFrom(en);

const KEY_TYPE_START = /^(ssh-|ecdsa-|sk-)/;
/** FIDO security-key types, which sshpk does not parse; their fingerprint is computed here. */
const SECURITY_KEY =
  /^(sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)[ \t]+([A-Za-z0-9+/]+=*)(?:[ \t]+(.*))?$/;

/**
 * authorized_keys lines may start with options (`from="10.0.0.0/8",no-pty ssh-ed25519 …`); the
 * options end at the first space outside double quotes.
 */
function withoutOptions(line: string): string {
  if (KEY_TYPE_START.test(line)) return line;
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '\\' && quoted) index++;
    else if (char === '"') quoted = !quoted;
    else if ((char === ' ' || char === '\t') && !quoted) return line.slice(index).trimStart();
  }
  return line;
}

function securityKeyInfo(line: string, lineNumber: number): SshKeyInfo | null {
  const match = SECURITY_KEY.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const blob = Buffer.from(match[2], 'base64');
  // The blob starts with the key type as an SSH string: uint32 length, then the name.
  if (blob.length < 4 || blob.toString('latin1', 4, 4 + blob.readUInt32BE(0)) !== match[1]) return null;
  const digest = createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
  return {
    line: lineNumber,
    type: match[1].startsWith('sk-ssh-ed25519') ? 'ED25519-SK' : 'ECDSA-SK',
    bits: 256,
    fingerprint: `SHA256:${digest}`,
    comment: match[3]?.trim() ?? '',
  };
}

/** Why a key may not work, as catalogue words (rules.sshKey…), or undefined. */
function weaknessOf(type: string, bits: number): ProblemWords | undefined {
  if (type === 'DSA') return { key: 'sshKey.dsa', values: {} };
  if (type === 'RSA' && bits < 2048) return { key: 'sshKey.shortRsa', values: { bits } };
  return undefined;
}

function publicKeyInfo(keyLine: string, lineNumber: number): SshKeyInfo | null {
  const line = withoutOptions(keyLine);
  if (line.startsWith('sk-')) return securityKeyInfo(line, lineNumber);
  try {
    const key = sshpk.parseKey(line, 'ssh');
    const type = key.type.toUpperCase();
    const info: SshKeyInfo = {
      line: lineNumber,
      type,
      bits: key.size,
      fingerprint: key.fingerprint('sha256').toString(),
      // sshpk names a key without a comment "(unnamed)"; take the words after the key instead.
      comment: line
        .split(/[ \t]+/)
        .slice(2)
        .join(' '),
    };
    const weakness = weaknessOf(type, key.size);
    return weakness ? { ...info, weakness: sayWords(weakness, english), weaknessWords: weakness } : info;
  } catch {
    return null;
  }
}

/** Whether sshpk reads the text as a private key (encrypted ones included). */
function parsesAsPrivateKey(keyText: string): boolean {
  try {
    sshpk.parsePrivateKey(keyText, 'auto');
    return true;
  } catch (error) {
    return error instanceof Error && error.name === 'KeyEncryptedError';
  }
}

/**
 * Reads the `key` field of a user: one SSH public key per line (blank lines and # comments are
 * skipped, as in authorized_keys). A private key pasted by mistake is refused as a whole and
 * nothing of it is repeated; any other line that is not a public key is refused by its number.
 */
export function inspectSshKeys(keyText: string): SshKeyInspection {
  if (looksLikePrivateKey(keyText) || parsesAsPrivateKey(keyText)) {
    const words = { key: 'privateKey', values: {} };
    return { ok: false, reason: 'privateKey', message: PRIVATE_KEY_MESSAGE, words };
  }
  const keys: SshKeyInfo[] = [];
  const lines = keyText.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const info = publicKeyInfo(line, index + 1);
    if (!info) {
      const certificate = /-cert-v01@openssh\.com\b/.test(line);
      const words = {
        key: certificate ? 'sshKey.certificate' : 'sshKey.notPublic',
        values: { line: index + 1 },
      };
      return {
        ok: false,
        reason: 'notAPublicKey',
        line: index + 1,
        message: sayWords(words, english),
        words,
      };
    }
    keys.push(info);
  }
  return { ok: true, keys };
}
