import { z } from 'zod';

/** Stable error codes: the renderer and the CLI translate these, never raw messages. */
export const ErrorCodeSchema = z.enum([
  'invalidInput',
  'unknownCall',
  'imageNotFound',
  'imageNotAFile',
  'imageNotADiskImage',
  'reportNotFound',
  'buildNotFound',
  'refused',
  'elevation',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorShapeSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type AppErrorShape = z.infer<typeof AppErrorShapeSchema>;

/** An error a person should see: a stable code plus a plain-language message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** What crosses a process boundary for every call: a value or an error, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
