import { verify } from 'unixcrypt';
import { describe, expect, it } from 'vitest';
import { hashBlueprintPasswords, hashPassword } from '../../../src/core/blueprint/hashPassword';
import type { Blueprint } from '../../../src/shared/blueprint/blueprintSchema';

describe('hashPassword', () => {
  it('turns a plain password into a SHA-512 crypt hash with a 16-character salt that verifies', () => {
    const hash = hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(verify('correct horse battery staple', hash)).toBe(true);
    expect(verify('correct horse battery stapler', hash)).toBe(false);
  });

  it('salts every hash afresh', () => {
    expect(hashPassword('same')).not.toBe(hashPassword('same'));
  });

  it('hashes unicode, quotes and newlines faithfully', () => {
    const password = 'pä$$ "wörd"\n\\ 🔑';
    expect(verify(password, hashPassword(password))).toBe(true);
  });

  it('passes through hashes osbuild recognises and keeps the empty string (locked account)', () => {
    for (const hash of [
      `$6$salt$${'a'.repeat(86)}`,
      '$5$JJ.CDnRLCNsEl.Nu$LnnHX5t8ddSA5FANcb2anfx0x6OXj/V6GBpfa25pliC',
      `$2b$12$${'c'.repeat(53)}`,
      '',
    ]) {
      expect(hashPassword(hash)).toBe(hash);
    }
  });

  it('refuses what only starts like a hash ($6$hunter2, a hash cut short), never repeating it', () => {
    for (const value of ['$6$hunter2', '$6$salt$abc', `$5$xx$${'a'.repeat(20)}`, '$2b$10$short']) {
      expect(() => hashPassword(value)).toThrow(/starts like a crypt hash but is not a complete one/);
      expect(() => hashPassword(value)).toThrow(
        expect.not.objectContaining({ message: expect.stringContaining(value) }),
      );
    }
  });

  it('refuses a yescrypt (and other unrecognised) hash instead of hashing it again', () => {
    for (const hash of [
      '$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7',
      '$1$salt$x',
      '$2y$10$x',
    ]) {
      expect(() => hashPassword(hash)).toThrow(/osbuild does not recognise/);
    }
  });
});

describe('hashBlueprintPasswords', () => {
  const blueprint: Blueprint = {
    name: 'lab',
    customizations: {
      user: [{ name: 'alice', password: 'secret' }, { name: 'bob', password: '' }, { name: 'carol' }],
      kernel: { append: 'quiet' },
    },
  };

  it('returns a copy with every plain password hashed and leaves the input untouched', () => {
    const hashed = hashBlueprintPasswords(blueprint);
    const [alice, bob, carol] = hashed.customizations?.user ?? [];
    expect(verify('secret', alice?.password ?? '')).toBe(true);
    expect(bob).toEqual({ name: 'bob', password: '' });
    expect(carol).toEqual({ name: 'carol' });
    expect(hashed.customizations?.kernel).toEqual({ append: 'quiet' });
    expect(blueprint.customizations?.user?.[0]?.password).toBe('secret');
    expect(JSON.stringify(hashed)).not.toContain('"secret"');
  });

  it('names the user whose password is refused', () => {
    expect(() =>
      hashBlueprintPasswords({ customizations: { user: [{ name: 'dave', password: '$y$abc' }] } }),
    ).toThrow(/User "dave": .*yescrypt/);
  });
});
