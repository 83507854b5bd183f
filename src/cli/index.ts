import { Command, CommanderError } from 'commander';
import { AppError } from '../shared/errors';
import { drivesCommand } from './drivesCommand';

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_REFUSED;
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
