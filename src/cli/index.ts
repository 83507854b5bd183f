import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { OFFERED_IMAGE_TYPES, RootFsSchema, TargetArchSchema } from '../shared/diskImages/imageTypes';
import { AppError } from '../shared/errors';
import { registerBlueprintCommand } from './blueprintCommand';
import { bootTestCommand } from './bootTestCommand';
import { buildCommand } from './buildCommand';
import { drivesCommand } from './drivesCommand';
import { flashCommand, verifyCommand } from './flashCommand';
import { registerImageCommand } from './imageBuildCommand';
import { CliExit } from './jobOutcome';
import { registerPushCommand } from './pushCommand';
import { portsCommand, stationCommand } from './stationCommand';
import { registerUpdateCommand } from './updateCommand';

/** Exit codes: 0 success, 1 a job failed, 2 refused or misused. */
const EXIT_REFUSED = 2;

const program = new Command('bootstick')
  .description('Turn a bootc container image into a bootable, personalised, verified USB stick.')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('drives')
  .description('List drives and whether each can be flashed')
  .option('--json', 'print a JSON array of drive view models with their verdicts')
  .option('--all', 'include system drives (hidden by default)')
  .option('--virtual', 'include loop devices that have a backing file, marked virtual')
  .option('--image <file>', 'judge drives against this image file (size, location)')
  .action(async (options) => {
    process.stdout.write(`${await drivesCommand(options)}\n`);
  });

program
  .command('flash')
  .description('Write an image to one or more drives at once, and verify each')
  .argument('<image>', 'a .raw/.img/.iso image, optionally .xz/.gz/.bz2/.zip')
  .argument('<drive...>', 'whole drives such as /dev/sdb')
  .option('--virtual', 'allow loop devices with a backing file as targets')
  .option('--no-verify', 'skip reading each drive back')
  .option('--full', 'write every byte, holes of a sparse image included')
  .option('--eject', 'power each drive off after it verified (udisksctl)')
  .option('--yes', 'do not ask for confirmation')
  .option('--json', 'print the audit report as JSON')
  .action(async (image: string, drives: string[], options) => {
    process.exitCode = await flashCommand(image, drives, options);
  });

program
  .command('verify')
  .description('Compare a drive with an image without writing')
  .argument('<image>')
  .argument('<drive>')
  .option('--virtual', 'allow a loop device with a backing file')
  .option('--json', 'print the audit report as JSON')
  .action(async (image: string, drive: string, options) => {
    process.exitCode = await verifyCommand(image, drive, options);
  });

program
  .command('station')
  .description('Arm USB ports: every stick put into one is written, verified and counted')
  .argument('<image>', 'a .raw/.img/.iso image, optionally .xz/.gz/.bz2/.zip')
  .option(
    '--slot <port=name...>',
    'arm a port (see `bootstick ports`) under a name, e.g. pci-0000:00:14.0-usb-0:2.3="hub A, 3"',
  )
  .option('--layout <file>', 'a saved station layout (JSON: name, slots [{port, name}])')
  .option('--save-layout <file>', 'save the ports armed now, with their names, as a layout')
  .option('--count <n>', 'disarm once this many sticks are done')
  .option('--min-size <size>', 'refuse sticks smaller than this (e.g. 8 GiB)')
  .option('--max-size <size>', 'refuse sticks larger than this (e.g. 64 GiB)')
  .option('--virtual', "loop devices stand in for sticks; a loop drive's backing file is its port (tests)")
  .option('--no-verify', 'skip reading each stick back')
  .option('--eject', 'power each stick off after it verified (udisksctl)')
  .option('--stall-seconds <s>', 'flag a slot stalled after this long without progress (default 20)')
  .option('--report-dir <dir>', 'where the batch report (CSV and JSON) goes')
  .option('--json', 'print one JSON event per line')
  .action(async (image: string, options) => {
    process.exitCode = await stationCommand(image, options);
  });

program
  .command('ports')
  .description('Show the USB port of every drive seen now, to arm as a station slot')
  .option('--virtual', 'include loop devices; their backing file is their port')
  .option('--json', 'print JSON')
  .action(async (options) => {
    process.stdout.write(`${await portsCommand(options)}\n`);
  });

program
  .command('boot-test')
  .description(
    'Boot an image or a flashed drive in QEMU (UEFI) and watch for a login prompt; neither is ever written',
  )
  .argument(
    '<image|drive>',
    'a raw, qcow2 or ISO image file, or a drive (/dev/sdX) booted through the helper',
  )
  .option(
    '--timeout <seconds>',
    'give up after this long (default 300; 1800 for an image file that is an unattended install ISO)',
  )
  .option('--virtual', 'allow loop devices with a backing file (as for flash)')
  .option(
    '--ssh <user>',
    'log in over SSH as this blueprint user (keys from your ssh-agent) and run bootc status',
  )
  .option('--check <command...>', 'with --ssh: also run these command lines; each passes on exit status 0')
  .addOption(
    new Option('--accel <accel>', 'KVM, emulation, or KVM where it works')
      .choices(['auto', 'kvm', 'tcg'])
      .default('auto'),
  )
  .option('--screenshot <file.ppm>', 'save a picture of the VM screen at the end')
  .option('--json', 'print the result as JSON')
  .action(async (image: string, options) => {
    process.exitCode = await bootTestCommand(image, options);
  });

registerBlueprintCommand(program);
registerImageCommand(program);
registerUpdateCommand(program);
registerPushCommand(program);

program
  .command('build')
  .description('Build a disk image or ISO from a bootc image with bootc-image-builder (rootful podman)')
  .argument('<image>', 'the bootc image, e.g. quay.io/centos-bootc/centos-bootc:stream10')
  .addOption(new Option('--type <type>', 'what to build').choices(OFFERED_IMAGE_TYPES).default('raw'))
  .option('--config <file>', 'a bib config (config.toml or config.json): users, SSH keys, groups, …')
  .requiredOption('--output <dir>', 'an empty (or new) folder for the outputs')
  .option('--bib-image <ref>', 'the bootc-image-builder image (default: the setting)')
  .addOption(new Option('--rootfs <fs>', 'root filesystem').choices(RootFsSchema.options))
  .addOption(
    new Option('--target-arch <arch>', 'build for another architecture').choices(TargetArchSchema.options),
  )
  .option('--pull', 'pull the bootc image or the builder image when root does not have it')
  .option('--json', 'print the build record as JSON')
  .option(
    '--updates-from <ref>',
    'the registry reference the installed system updates from (tagged before bib runs)',
  )
  .option('--yes', 'build even when the installed system could not update (no question asked)')
  .action(async (image: string, options) => {
    process.exitCode = await buildCommand(image, { ...options, output: resolve(options.output) });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_REFUSED;
  } else if (error instanceof CliExit) {
    process.stderr.write(`bootstick: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof AppError) {
    process.stderr.write(`bootstick: ${error.message}\n`);
    process.exitCode = EXIT_REFUSED;
  } else {
    process.stderr.write(
      `bootstick: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
