import { describe, expect, it } from 'vitest';
import { assertNoPlainPasswords } from '../../../src/helper/diskImages/bibConfigFile';

const HASH =
  '$6$saltsaltsaltsalt$Ld8K5yP9n7qHf2t1cQ0rZ9hUj1vX4mB5wE2aT6gN3kL8sD0fR7yC1pO9iU4eQ2wZ5xV3bN8mA6sD1fG0hJ7kL.';
/** What `crypt(3)` makes for SHA-256 and bcrypt: complete hashes osbuild keeps as they are. */
const SHA256_HASH = '$5$JJ.CDnRLCNsEl.Nu$LnnHX5t8ddSA5FANcb2anfx0x6OXj/V6GBpfa25pliC';
const BCRYPT_HASH = '$2b$12$.1V/KDh9fXvAhCe6XPnwJ.N.9O7gNf0jxeKc2AtAO8Ol3oirYElpC';

describe('the password guard root applies before writing bib a config', () => {
  it.each([
    ['a plain password', 'hunter2'],
    ['a yescrypt hash osbuild would hash again', '$y$j9T$abc$def'],
    ['an MD5 crypt hash', '$1$abc$def'],
    ['a $6$ prefix that is no hash', '$6$hunter2'],
    ['a SHA-512 hash cut short', HASH.slice(0, 40)],
    ['a $2b$ prefix with too little behind it', '$2b$10$abcdefghijklmnopqrstuv'],
  ])('refuses %s', (_name, password) => {
    const config = { customizations: { user: [{ name: 'ada', password }] } };
    expect(() => assertNoPlainPasswords(config)).toThrow(/not a SHA-512 crypt hash/);
  });

  it('never repeats the password in its refusal', () => {
    const config = { customizations: { user: [{ name: 'ada', password: 'correct horse battery' }] } };
    expect(() => assertNoPlainPasswords(config)).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('horse') }),
    );
  });

  it('accepts the complete hashes osbuild keeps and a locked (empty) password', () => {
    for (const password of [HASH, SHA256_HASH, BCRYPT_HASH, '']) {
      expect(() =>
        assertNoPlainPasswords({ customizations: { user: [{ name: 'a', password }] } }),
      ).not.toThrow();
    }
    expect(() => assertNoPlainPasswords({})).not.toThrow();
  });
});
