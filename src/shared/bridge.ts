import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './api';
import type { AppErrorShape, Envelope, ErrorCode } from './errors';

/**
 * The untyped object the renderer receives as `window.bootstick`: deliberately tiny, so the
 * preload (Electron) and the e2e harness (Playwright) implement exactly the same thing.
 */
export interface BootstickBridge {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * The path of a File the person dropped (Electron's webUtils.getPathForFile): a sandboxed page
   * cannot see paths itself. '' for a File that does not come from the disk.
   */
  pathForFile(file: object): string;
}

/** A call that main answered with an error: the code is stable, the message is for people. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
  }
}

export interface BootstickApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** See BootstickBridge.pathForFile. */
  pathForFile(file: object): string;
}

/** The typed API over a bridge. Main validated what it sends, so payloads are trusted here. */
export function createApi(bridge: BootstickBridge): BootstickApi {
  return {
    async call(name, input) {
      const envelope = await bridge.call(name, input);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as never;
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as never));
    },
    pathForFile: (file) => bridge.pathForFile(file),
  };
}
