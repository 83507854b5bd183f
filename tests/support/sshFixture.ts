import { execFile } from 'node:child_process';
import { chmod, chown, copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The SSH server the fixture runs: Debian's dropbear (dropbear-bin), with the libraries it links. */
export const DROPBEAR = '/usr/sbin/dropbear';
/** The blueprint user the fixture lets in, with the test key only. */
export const FIXTURE_USER = 'core';
const FIXTURE_UID = 1000;
const KEY_DIR = join(tmpdir(), 'bootstick-boot-fixtures', 'ssh-key');

/** Modules the guest's virtio NIC needs, in load order (Debian's cloud kernel builds them as modules). */
export const NET_MODULES = [
  'kernel/drivers/virtio/virtio_ring.ko',
  'kernel/drivers/virtio/virtio.ko',
  'kernel/drivers/virtio/virtio_pci_legacy_dev.ko',
  'kernel/drivers/virtio/virtio_pci_modern_dev.ko',
  'kernel/drivers/virtio/virtio_pci.ko',
  'kernel/net/core/failover.ko',
  'kernel/drivers/net/net_failover.ko',
  'kernel/drivers/net/virtio_net.ko',
];

/** The test key pair (ed25519, no passphrase), made once into the fixture cache. */
export async function sshTestKey(): Promise<{ privateKey: string; publicKey: string }> {
  const privateKey = join(KEY_DIR, 'id_ed25519');
  if (!(await stat(privateKey).catch(() => null))) {
    await mkdir(KEY_DIR, { recursive: true, mode: 0o700 });
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bootstick-test', '-f', privateKey]);
  }
  return { privateKey, publicKey: (await readFile(`${privateKey}.pub`, 'utf8')).trim() };
}

/**
 * What the guest runs for SSH: user-mode networking's fixed guest address, then dropbear (host
 * keys made on first use, no passwords), before the prompt is printed.
 */
export const SSH_INIT = [
  ...NET_MODULES.map((module) => `insmod /modules/${module.split('/').pop()}`),
  'while [ ! -e /sys/class/net/eth0 ]; do sleep 0.1; done',
  'ip link set lo up; ip link set eth0 up',
  'ip addr add 10.0.2.15/24 dev eth0; ip route add default via 10.0.2.2',
  'mkdir -p /dev/pts /etc/dropbear /tmp; mount -t devpts devpts /dev/pts',
  // Its log goes to a file: on the console it would land on the prompt's line (it runs on in the
  // background) and hide the prompt.
  'dropbear -R -E -s -p 22 2>/tmp/dropbear.log',
];

/** Shell scripts standing in for the image's own tools, so the checks have something real to run. */
const STAND_INS: Record<string, string> = {
  'usr/bin/bootc': [
    '#!/bin/sh',
    'echo "Booted image: localhost/bootstick-fixture:latest"',
    'echo "        Digest: sha256:0000000000000000000000000000000000000000000000000000000000000000"',
  ].join('\n'),
  'usr/bin/systemctl': [
    '#!/bin/sh',
    '[ "$1" = status ] || exit 1',
    'if [ "$2" = tailscaled ]; then echo "tailscaled.service - Tailscale node agent"; echo "   Active: active (running)"; exit 0; fi',
    'echo "Unit $2.service could not be found." >&2',
    'exit 4',
  ].join('\n'),
};

/** The shared libraries a binary links, as ldd names them (absolute paths). */
async function linkedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await run('ldd', [binary]);
  return [...stdout.matchAll(/(\/\S+\.so[^\s]*)/g)].map((match) => match[1] as string);
}

/** Puts dropbear, its libraries, the user, the test key and the stand-in tools into an initramfs tree. */
export async function addSshServer(initrdRoot: string, modulesDir: string, publicKey: string): Promise<void> {
  for (const file of [DROPBEAR, ...(await linkedLibraries(DROPBEAR))]) {
    await mkdir(join(initrdRoot, dirname(file)), { recursive: true });
    await copyFile(file, join(initrdRoot, file));
  }
  for (const module of NET_MODULES) {
    await copyFile(join(modulesDir, module), join(initrdRoot, 'modules', module.split('/').pop() ?? ''));
  }
  await mkdir(join(initrdRoot, 'etc'), { recursive: true });
  await writeFile(
    join(initrdRoot, 'etc/passwd'),
    `root:x:0:0:root:/root:/bin/sh\n${FIXTURE_USER}:x:${FIXTURE_UID}:${FIXTURE_UID}:${FIXTURE_USER}:/home/${FIXTURE_USER}:/bin/sh\n`,
  );
  await writeFile(join(initrdRoot, 'etc/group'), `root:x:0:\n${FIXTURE_USER}:x:${FIXTURE_UID}:\n`);
  await writeFile(join(initrdRoot, 'etc/shells'), '/bin/sh\n');
  const sshDir = join(initrdRoot, 'home', FIXTURE_USER, '.ssh');
  await mkdir(sshDir, { recursive: true });
  await chmod(sshDir, 0o700);
  await writeFile(join(sshDir, 'authorized_keys'), `${publicKey}\n`, { mode: 0o600 });
  // dropbear reads authorized_keys as the user (seteuid), so the user must own .ssh: cpio keeps owners.
  await chown(sshDir, FIXTURE_UID, FIXTURE_UID);
  await chown(join(sshDir, 'authorized_keys'), FIXTURE_UID, FIXTURE_UID);
  for (const [path, script] of Object.entries(STAND_INS)) {
    await mkdir(join(initrdRoot, dirname(path)), { recursive: true });
    await writeFile(join(initrdRoot, path), `${script}\n`, { mode: 0o755 });
  }
}
