import { describe, expect, it } from 'vitest';
import { checkBlueprintSource, importBlueprint } from '../../../src/core/blueprint/importBlueprint';
import type { ImageType, RootFs } from '../../../src/shared/diskImages/imageTypes';

/** The config-level rejections of configs/rejected.md (§1, §2), written out as small configs. */
function check(text: string, format: 'toml' | 'json', imageType?: ImageType, rootfs?: RootFs) {
  const result = checkBlueprintSource(text, {
    format,
    ...(imageType ? { imageType } : {}),
    ...(rootfs ? { rootfs } : {}),
  });
  return {
    ok: result.ok,
    errors: result.problems.filter((problem) => problem.severity === 'error'),
    text: result.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n'),
  };
}

describe('decoder rejections (rejected.md §1)', () => {
  it('§1.1 an unknown TOML table and its keys', () => {
    const result = check('[[birds]]\nname = "toucan"\n', 'toml');
    expect(result.ok).toBe(false);
    expect(result.text).toBe('1: Unknown key "birds": bib refuses keys it does not know.');
  });

  it('§1.1 a typo inside a user, with a hint', () => {
    const result = check('[[customizations.user]]\nname = "alice"\nssh_key = "x"\n', 'toml');
    expect(result.text).toBe(
      '3: Unknown key "ssh_key" in customizations.user[0]: bib refuses keys it does not know. Did you mean "key"?',
    );
  });

  it('§1.2 an unknown JSON field', () => {
    expect(check('{ "birds": [ { "name": "toucan" } ] }', 'json').ok).toBe(false);
    expect(check('{\n  "customizations": {\n    "kernel": { "Append": "x" }\n  }\n}', 'json').text).toBe(
      '3: Unknown key "Append" in customizations.kernel: bib refuses keys it does not know. Did you mean "append"?',
    );
  });

  it('§1.3 the legacy "blueprint" wrapper in TOML', () => {
    const result = check('[[blueprint.customizations.user]]\nname = "alice"\n', 'toml');
    expect(result.ok).toBe(false);
    expect(result.text).toContain('accepts only in JSON');
  });

  it('§1.6 JSON text in a .toml file and TOML text in a .json file', () => {
    expect(importBlueprint('{ "customizations": {} }', { fileName: 'config.toml' }).ok).toBe(false);
    expect(importBlueprint('[customizations.kernel]\nappend = "x"\n', { fileName: 'config.json' }).ok).toBe(
      false,
    );
  });

  it('§1.7 filesystem sizes bib cannot decode', () => {
    const toml = (entry: string) =>
      check(`[[customizations.filesystem]]\nmountpoint = "/var/data"\n${entry}\n`, 'toml');
    expect(toml('').text).toContain('minsize" is missing');
    expect(toml('size = 1024\nminsize = 1024').text).toContain('not both');
    expect(toml('minsize = "10 gb"').text).toContain('is not a size bib understands');
    expect(toml('minsize = 1.5').text).toContain('must be a number of bytes or a size such as "10 GiB"');
    expect(check('[[customizations.filesystem]]\nminsize = 1024\n', 'toml').text).toContain(
      'mountpoint" is missing',
    );
    const json = (minsize: string) =>
      check(`{"customizations": {"filesystem": [{"mountpoint": "/var/data"${minsize}}]}}`, 'json');
    expect(json('').ok).toBe(false);
    expect(json(', "minsize": "1.5 GiB"').ok).toBe(false);
    expect(json(', "minsize": "GiB"').text).toContain('has no number in it');
    expect(json(', "minsize": "10 GiB"').ok).toBe(true);
  });

  it('§1.8 wrong JSON value types', () => {
    expect(check('{"customizations": {"user": [{"name": "a", "uid": "1000"}]}}', 'json').text).toBe(
      '1: "customizations.user[0].uid" must be a whole number.',
    );
    expect(check('{"customizations": {"user": [{"name": "a", "groups": "wheel"}]}}', 'json').text).toBe(
      '1: "customizations.user[0].groups" must be a list.',
    );
  });
});

describe('customization rejections (rejected.md §2)', () => {
  const filesystems = (...mountpoints: string[]) =>
    JSON.stringify({
      customizations: { filesystem: mountpoints.map((mountpoint) => ({ mountpoint, minsize: '1 GiB' })) },
    });

  it('§2.1 mount points outside bootc’s policy, each named', () => {
    const refused = ['/ostree', '/var', '/var/home', '/var/home/alice', '/var/lock', '/var/mail', '/var/mnt'];
    refused.push(
      '/var/roothome',
      '/var/run',
      '/var/srv',
      '/var/usrlocal',
      '/opt',
      '/home',
      '/usr',
      '/boot/efi',
      '/data',
    );
    refused.push('var/data', '', '/var/data/', '/var//data', '/var/./data', '/var/x/../data');
    for (const mountpoint of refused)
      expect(check(filesystems(mountpoint), 'json', 'raw').ok, mountpoint).toBe(false);
    for (const mountpoint of [
      '/',
      '/boot',
      '/var/data',
      '/var/log',
      '/var/opt',
      '/var/data/test',
      '/var/lib/containers',
      '/var/homes',
    ]) {
      expect(check(filesystems(mountpoint), 'json', 'raw').ok, mountpoint).toBe(true);
    }
    expect(check(filesystems('/var/data/'), 'json', 'raw').text).toContain('written plainly as "/var/data"');
  });

  it('§2.1 with a btrfs root only / and /boot', () => {
    expect(check(filesystems('/', '/boot'), 'json', 'raw', 'btrfs').ok).toBe(true);
    expect(check(filesystems('/var/data'), 'json', 'raw', 'btrfs').text).toContain(
      'With a btrfs root filesystem',
    );
    expect(check(filesystems('/var/data'), 'json', 'raw', 'xfs').ok).toBe(true);
  });

  it('§2.1 mount points are not checked for ISO types (bib ignores filesystem there, with a warning)', () => {
    const result = check(filesystems('/opt'), 'json', 'anaconda-iso');
    expect(result.ok).toBe(true);
    expect(result.text).toContain('customizations.filesystem is not used for anaconda-iso images');
  });

  it('§2.2 filesystem and disk together', () => {
    const text = JSON.stringify({
      customizations: { filesystem: [{ mountpoint: '/', minsize: '10 GiB' }], disk: { partitions: [] } },
    });
    expect(check(text, 'json', 'raw').text).toContain('cannot both be given');
  });

  it('§2.3 duplicate group names and IDs', () => {
    const result = check(
      '{"customizations": {"group": [{"name": "wheel", "gid": 42}, {"name": "wheel", "gid": 42}]}}',
      'json',
    );
    expect(result.errors.map((problem) => problem.path)).toEqual([
      ['customizations', 'group', 1, 'name'],
      ['customizations', 'group', 1, 'gid'],
    ]);
  });

  it('§2.4 a kickstart with users or groups, unattended or sudo-nopasswd; users with the Users module disabled', () => {
    const kickstart = '[customizations.installer.kickstart]\ncontents = """\nautopart --type=lvm\n"""\n';
    expect(
      check(
        `[[customizations.user]]\nname = "alice"\npassword = "bob"\n\n${kickstart}`,
        'toml',
        'anaconda-iso',
      ).ok,
    ).toBe(false);
    expect(
      check(`[[customizations.group]]\nname = "lab"\n\n${kickstart}`, 'toml', 'bootc-installer').ok,
    ).toBe(false);
    expect(
      check(`[customizations.installer]\nunattended = true\n${kickstart}`, 'toml', 'anaconda-iso').text,
    ).toContain('Unattended installation cannot be combined');
    expect(
      check(`[customizations.installer]\nsudo-nopasswd = ["alice"]\n${kickstart}`, 'toml', 'iso').ok,
    ).toBe(false);
    const modules =
      '[[customizations.user]]\nname = "alice"\n[customizations.installer.modules]\ndisable = ["org.fedoraproject.Anaconda.Modules.Users"]\n';
    expect(check(modules, 'toml', 'anaconda-iso').text).toContain("installer's Users module");
    // For disk types bib does not refuse the combination: it ignores the installer section and warns.
    const disk = check(`[[customizations.user]]\nname = "alice"\n\n${kickstart}`, 'toml', 'qcow2');
    expect(disk.ok).toBe(true);
    expect(disk.text).toContain('customizations.installer is not used for qcow2 images');
  });

  it('§2.5 root with more than a password and keys on ISO types, listed in bib’s order', () => {
    const root =
      '{"customizations": {"user": [{"name": "root", "key": "", "home": "/var/roothome", "uid": 0, "groups": []}]}}';
    expect(check(root, 'json', 'anaconda-iso').text).toBe(
      "1: In an ISO installer root can have only a password and SSH keys; bib refuses root's groups, home, uid.",
    );
    expect(check(root, 'json', 'raw').ok).toBe(true);
    const undecided = check(root, 'json');
    expect(undecided.ok).toBe(true);
    expect(undecided.text).toContain('If this is built as an ISO installer');
  });

  it('§2.6 an ISO volume label with a space, and an ISO section without one', () => {
    expect(check('[customizations.iso]\nvolume_id = "TEST OS"\n', 'toml', 'anaconda-iso').text).toContain(
      'no spaces',
    );
    expect(check('[customizations.iso]\npublisher = "me"\n', 'toml', 'anaconda-iso').text).toContain(
      'need a volume label',
    );
    expect(check('[customizations.iso]\nvolume_id = "Fedora-WS-Live-42"\n', 'toml', 'anaconda-iso').ok).toBe(
      true,
    );
  });
});
