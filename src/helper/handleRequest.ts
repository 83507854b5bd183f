import { z } from 'zod';
import { gatherDriveFacts } from '../main/drives/gatherDriveFacts';
import { toDriveView } from '../shared/drives/toDriveView';
import { HelperRequestSchema, type HelperResponse } from '../shared/helperProtocol';
import { DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES } from '../shared/settings';

function requestId(line: unknown): number | null {
  const id = (line as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/**
 * Answers one line of input. Trusts nothing: a line that is not JSON, or not exactly one of the
 * known requests, is refused with a reason and nothing else happens.
 */
export async function handleRequestLine(line: string): Promise<HelperResponse> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: null, ok: false, error: { code: 'badRequest', message: 'The request is not valid JSON.' } };
  }
  const parsed = HelperRequestSchema.safeParse(json);
  if (!parsed.success) {
    const message = `The request was refused: ${z.prettifyError(parsed.error)}`;
    return { id: requestId(json), ok: false, error: { code: 'badRequest', message } };
  }
  const request = parsed.data;
  switch (request.method) {
    case 'hello':
      return {
        id: request.id,
        ok: true,
        result: { protocol: 1, uid: process.getuid?.() ?? -1, pid: process.pid },
      };
    case 'listDrives': {
      // The helper enumerates for itself: it never takes a drive list from its caller.
      const facts = await gatherDriveFacts({ includeVirtual: request.params.includeVirtual });
      const context = { image: null, largeDriveThresholdBytes: DEFAULT_LARGE_DRIVE_THRESHOLD_BYTES };
      return { id: request.id, ok: true, result: facts.map((drive) => toDriveView(drive, context)) };
    }
  }
}
