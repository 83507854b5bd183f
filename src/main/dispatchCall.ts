import { z } from 'zod';
import { calls, type Handlers, isCallName } from '../shared/api';
import { AppError, type Envelope } from '../shared/errors';

/**
 * The boundary every call crosses, whatever carried it (Electron IPC, the e2e binding):
 * unknown names and invalid inputs are refused with a clear message before any handler runs,
 * and no exception ever escapes as anything but an envelope.
 */
export async function dispatchCall(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  log: (message: string) => void = console.error,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return {
      ok: false,
      error: { code: 'unknownCall', message: `Bootstick has no call named "${String(name)}".` },
    };
  }
  const parsed = calls[name].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalidInput', message: `Invalid input for ${name}: ${z.prettifyError(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    // Main checks its own answers too: a reply that breaks the contract is a bug to surface.
    const value = calls[name].output.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    log(`call ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Bootstick hit an unexpected problem in ${name}. The log has details.`,
      },
    };
  }
}
