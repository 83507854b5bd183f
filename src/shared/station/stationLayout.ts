import { z } from 'zod';
import { type StationLayout, StationLayoutSchema } from './stationSlots';

/**
 * A saved station layout's text read back, the one format the app saves and `bootstick station
 * --layout` reads: a layout, or what is wrong with the text in words ("it is not JSON", …).
 */
export function parseStationLayout(
  text: string,
): { ok: true; layout: StationLayout } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  const parsed = StationLayoutSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: z.prettifyError(parsed.error).replace(/\n+/g, ' ') };
  const ports = parsed.data.slots.map((slot) => slot.port);
  const twice = ports.find((port, index) => ports.indexOf(port) !== index);
  if (twice) return { ok: false, problem: `the port ${twice} is in it twice` };
  return { ok: true, layout: parsed.data };
}

/** The layout's text as saved: the same JSON the CLI writes with --save-layout. */
export function stationLayoutText(layout: StationLayout): string {
  return `${JSON.stringify(layout, null, 2)}\n`;
}
