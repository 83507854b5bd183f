/**
 * A USB port chain as a slot key, from either of the two places Linux names it: a block
 * device's sysfs path, or udev's ID_PATH (what /dev/disk/by-path shows). The key is ID_PATH cut
 * after the USB port ("pci-0000:00:14.0-usb-0:2.3"): the USB configuration and interface, and the
 * SCSI address after them, say nothing about which port the stick is in.
 *
 * Follows systemd's udev-builtin-path_id.c: for each run of parents of one subsystem only the
 * nearest device is named (skip_subsystem), "pci-<address>", "platform-<name>", and a USB
 * interface "1-2.3:1.0" becomes "usb-0:2.3:1.0".
 */

const PCI_ADDRESS = /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-9a-f]$/;
const PCI_ROOT = /^pci[0-9a-f]{4}:[0-9a-f]{2}$/;
/** A USB interface: bus-port.port…:configuration.interface */
const USB_INTERFACE = /^\d+-([\d.]+):\d+\.\d+$/;

/** The slot key of a block device from its resolved sysfs path, or null when it is not on USB. */
export function portKeyFromSysPath(sysPath: string): string | null {
  const parts = sysPath.split('/').filter(Boolean);
  const usbIndex = parts.findIndex((part) => USB_INTERFACE.test(part));
  if (usbIndex < 0) return null;
  const chain = USB_INTERFACE.exec(parts[usbIndex] as string)?.[1] as string;
  const above = parts.slice(0, usbIndex);
  const names: string[] = [];
  const pci = above.filter((part) => PCI_ADDRESS.test(part)).at(-1);
  if (pci) names.push(`pci-${pci}`);
  // A platform bus controller (an SoC's PCIe or xHCI block) sits right above the PCI root, or
  // directly above the USB root hub when the controller is not on PCI at all.
  const platformIndex = above.indexOf('platform');
  if (platformIndex >= 0) {
    const rootIndex = above.findIndex((part) => PCI_ROOT.test(part));
    const usbRoot = above.findIndex((part) => /^usb\d+$/.test(part));
    const below = rootIndex >= 0 ? rootIndex : usbRoot;
    const controller = above[below - 1];
    if (controller && below - 1 > platformIndex) names.unshift(`platform-${controller}`);
  }
  if (names.length === 0) return null;
  return `${names.join('-')}-usb-0:${chain}`;
}

/** The slot key from udev's ID_PATH ("pci-0000:00:14.0-usb-0:2.3:1.0-scsi-0:0:0:0"), or null if not USB. */
export function portKeyFromIdPath(idPath: string): string | null {
  return /^(.*-usb-0:[\d.]+):\d+\.\d+(?:-|$)/.exec(idPath.trim())?.[1] ?? null;
}

/** ID_PATH from the output of `udevadm info --query=property` or `udevadm info <dev>` (E: lines). */
export function idPathFromUdevInfo(text: string): string | null {
  for (const line of text.split('\n')) {
    const match = /^(?:E: )?ID_PATH=(.+)$/.exec(line.trim());
    if (match) return match[1] as string;
  }
  return null;
}
