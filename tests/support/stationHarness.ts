import { createStation, type StationEvent, type StationOptions } from '../../src/core/station/station';
import type { Slot, SlotView } from '../../src/shared/station/stationSlots';
import type { startTestHelper } from './helperSession';
import { testJobId } from './helperSession';
import { run } from './loopDevices';

type TestHelper = Awaited<ReturnType<typeof startTestHelper>>;

/**
 * A station over loop drives, as `bootstick station --virtual` runs it: the real helper, real
 * writes and verifies; the only seam is that a loop drive's backing file is its port
 * (drivePort's loopBackingFileIsPort). Every event is kept with its time for the test to wait on.
 */
export function createTestStation(
  helper: TestHelper,
  image: string,
  slots: Slot[],
  options: Partial<StationOptions> = {},
) {
  const events: StationEvent[] = [];
  const station = createStation({
    helper,
    image,
    slots,
    verify: true,
    eject: false,
    minBytes: 0,
    maxBytes: Number.MAX_SAFE_INTEGER,
    virtual: true,
    target: null,
    newJobId: testJobId,
    onEvent: (event) => events.push(event),
    ...options,
  });

  /** The first event at or after `since` that matches, waiting for it up to `timeoutMs`. */
  function waitFor<E extends StationEvent>(
    match: (event: StationEvent) => event is E,
    since?: number,
    timeoutMs?: number,
  ): Promise<E>;
  function waitFor(
    match: (event: StationEvent) => boolean,
    since?: number,
    timeoutMs?: number,
  ): Promise<StationEvent>;
  async function waitFor(
    match: (event: StationEvent) => boolean,
    since = 0,
    timeoutMs = 30_000,
  ): Promise<StationEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find((event) => event.at >= since && match(event));
      if (found) return found;
      if (Date.now() > deadline) {
        const last = events.slice(-8).map((event) => JSON.stringify(event));
        // What the kernel holds now tells a station that missed a change from a stick never pulled.
        const kernel = await run('losetup', [
          '--list',
          '--noheadings',
          '--output',
          'NAME,SIZELIMIT,OFFSET,BACK-FILE',
        ])
          .then(({ stdout }) => stdout.trim())
          .catch((error: unknown) => String(error));
        throw new Error(
          `No matching station event within ${timeoutMs} ms; last events:\n${last.join('\n')}\nlosetup now:\n${kernel}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const slotIs =
    (port: string, test: (slot: SlotView) => boolean) =>
    (event: StationEvent): event is Extract<StationEvent, { type: 'slot' }> =>
      event.type === 'slot' && event.slot.port === port && test(event.slot);

  const slotIn = (port: string, phase: SlotView['phase'], since = 0, timeoutMs?: number) =>
    waitFor(
      slotIs(port, (slot) => slot.phase === phase),
      since,
      timeoutMs,
    ).then((event) => event.slot);

  return { station, events, waitFor, slotIs, slotIn };
}

export const loopPort = (backingFile: string) => `loop:${backingFile}`;
