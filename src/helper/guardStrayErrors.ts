/**
 * etcher-sdk loads ext2fs, an Emscripten module that installs process-wide handlers rethrowing
 * every uncaught exception and unhandled rejection, which kills the process. etcher-sdk also
 * abandons half-read decompressor streams (the partition-table probe of a .gz), whose errors
 * on a damaged image then surface as "uncaught". The real job sees the same error through its
 * own stream and reports it; a root helper writing several drives must not die of the echo.
 * So: replace those handlers with ones that log and carry on.
 */
export function guardStrayErrors(log: (message: string) => void): void {
  process.removeAllListeners('uncaughtException');
  process.removeAllListeners('unhandledRejection');
  process.on('uncaughtException', (error) =>
    log(`helper: stray error ignored: ${error.stack ?? error.message}`),
  );
  process.on('unhandledRejection', (reason) => log(`helper: stray rejection ignored: ${String(reason)}`));
}
