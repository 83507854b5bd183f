import { describe, expect, it } from 'vitest';
import { blueprintOf, draftOf, emptyDraft } from '../../../src/renderer/stores/blueprintDraft';
import type { Blueprint } from '../../../src/shared/blueprint/blueprintSchema';
import { validateBlueprint } from '../../../src/shared/blueprint/validateBlueprint';

const HASH = '$6$salt$abcdefghijklmnopqrstuvwxyz0123456789';

describe('the Blueprint form and the blueprint bib reads', () => {
  it('gives back an imported blueprint unchanged, keys the form does not edit included', () => {
    const blueprint: Blueprint = {
      name: 'kept',
      customizations: {
        user: [{ name: 'ada', password: HASH, key: 'ssh-ed25519 AAAA', groups: ['wheel'], uid: 1234 }],
        kernel: { append: 'console=ttyS0' },
        filesystem: [
          { mountpoint: '/', minsize: 10737418240 },
          { mountpoint: '/var/data', minsize: '20 GiB' },
        ],
        installer: {
          unattended: true,
          'sudo-nopasswd': ['ada', '%wheel'],
          modules: { enable: ['org.fedoraproject.Anaconda.Modules.Timezone'] },
          bootloader: { grub2: { 'menu-timeout': 5 } },
        },
        iso: { volume_id: 'BOOTSTICK' },
        hostname: 'kept.example',
      },
    };
    expect(blueprintOf(draftOf(blueprint))).toEqual(blueprint);
  });

  it('writes nothing for empty installer and ISO fields (bib refuses an empty ISO table)', () => {
    const customizations = blueprintOf(emptyDraft()).customizations ?? {};
    expect(customizations.installer).toBeUndefined();
    expect(customizations.iso).toBeUndefined();
    expect(customizations.filesystem).toBeUndefined();
  });

  it('turns typed rows and lists into bib keys', () => {
    const draft = emptyDraft();
    draft.filesystems = [{ mountpoint: '/var/data', minsize: '5 GiB' }];
    draft.installer = { ...draft.installer, kickstart: 'text\n', modulesDisable: ' a , b ,', volumeId: 'X' };
    const customizations = blueprintOf(draft).customizations ?? {};
    expect(customizations.filesystem).toEqual([{ mountpoint: '/var/data', minsize: '5 GiB' }]);
    expect(customizations.installer).toEqual({
      kickstart: { contents: 'text\n' },
      modules: { disable: ['a', 'b'] },
    });
    expect(customizations.iso).toEqual({ volume_id: 'X' });
  });

  it('keeps a row being typed, so the rules point at it by its place', () => {
    const draft = emptyDraft();
    draft.filesystems = [
      { mountpoint: '', minsize: '' },
      { mountpoint: '/usr', minsize: '1 GiB' },
    ];
    const paths = validateBlueprint(blueprintOf(draft), { imageType: 'raw' }).map((problem) => problem.path);
    expect(paths).toContainEqual(['customizations', 'filesystem', 1, 'mountpoint']);
    expect(paths).toContainEqual(['customizations', 'filesystem', 0, 'minsize']);
  });

  it('never brings back a password removed in the form', () => {
    const draft = draftOf({ customizations: { user: [{ name: 'ada', password: HASH, uid: 7 }] } });
    draft.users[0] = { ...draft.users[0], name: 'ada', passwordHash: undefined, key: '', groups: '' };
    expect(blueprintOf(draft).customizations?.user).toEqual([{ name: 'ada', uid: 7 }]);
  });
});
