import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../src/renderer/stores/blueprintDraft';
import { blueprintDraftFrom } from '../../src/renderer/stores/blueprintDraftFrom';

describe('a saved Blueprint form, restored into this version of the form', () => {
  it('gives back a form saved by this version unchanged', () => {
    const form = {
      ...emptyDraft(),
      users: [{ name: 'ada', passwordHash: '$6$salt$hash', key: 'ssh-ed25519 AAAA', groups: 'wheel' }],
      kernelAppend: 'quiet',
      filesystems: [{ mountpoint: '/var', minsize: '10 GiB' }],
    };
    expect(blueprintDraftFrom(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it('keeps "no password" as no password, since undefined does not survive JSON', () => {
    const restored = blueprintDraftFrom({ users: [{ name: 'bob', key: '', groups: '' }] });
    expect(restored.users[0]?.passwordHash).toBeUndefined();
  });

  it('drops what this version does not know and fills in what is missing', () => {
    const restored = blueprintDraftFrom({
      users: [{ name: 'eve', groups: 7, shell: '/bin/zsh' }, 'not a user'],
      kernelAppend: ['not', 'text'],
      installer: { unattended: true, somethingNew: 'x' },
      surprise: true,
    });
    expect(restored.users).toEqual([{ name: 'eve', passwordHash: undefined, key: '', groups: 'wheel' }]);
    expect(restored.kernelAppend).toBe('');
    expect(restored.installer).toEqual({ ...emptyDraft().installer, unattended: true });
    expect(restored).not.toHaveProperty('surprise');
  });
});
