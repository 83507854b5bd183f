import { describe, expect, it } from 'vitest';
import { hashBlueprintPasswords } from '../../../src/core/blueprint/hashPassword';
import { passwordHashes, passwordsMatch, withoutPasswords } from '../../../src/core/diskImages/passwordShape';
import type { Blueprint } from '../../../src/shared/blueprint/blueprintSchema';

const plain: Blueprint = {
  customizations: {
    user: [
      { name: 'ada', password: 'correct horse', groups: ['wheel'] },
      { name: 'bob', key: 'ssh-ed25519 AAAA bob' },
      { name: 'eve', password: '' },
    ],
  },
};

describe('matching a config with the build cache despite salted password hashes', () => {
  it('gives two hashings of the same config the same shape, and no password in it', () => {
    const first = hashBlueprintPasswords(plain);
    const second = hashBlueprintPasswords(plain);
    expect(first).not.toEqual(second); // fresh salt each time: why the shape exists
    expect(withoutPasswords(first)).toEqual(withoutPasswords(second));
    expect(JSON.stringify(withoutPasswords(first))).not.toMatch(/correct horse|\$6\$/);
  });

  it('reuses an earlier build only when every password is the same one', () => {
    const earlier = passwordHashes(hashBlueprintPasswords(plain));
    expect(passwordsMatch(plain, earlier)).toBe(true);
    expect(passwordsMatch(hashBlueprintPasswords(plain), earlier)).toBe(false); // another salt: another hash
    const changed = structuredClone(plain);
    if (changed.customizations?.user?.[0]) changed.customizations.user[0].password = 'battery staple';
    expect(passwordsMatch(changed, earlier)).toBe(false);
    const unlocked = structuredClone(plain);
    if (unlocked.customizations?.user?.[2]) unlocked.customizations.user[2].password = 'now set';
    expect(passwordsMatch(unlocked, earlier)).toBe(false);
  });

  it('matches an identical already-hashed config (what the form sends) exactly', () => {
    const hashed = hashBlueprintPasswords(plain);
    expect(passwordsMatch(hashed, passwordHashes(hashed))).toBe(true);
  });
});
