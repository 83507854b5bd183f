import { useEffect, useRef } from 'react';
import type { SlotPhase } from '../../shared/station/stationSlots';
import type { StationState } from '../../shared/station/stationState';

/** Done rises (two short tones), failed falls and lasts longer: told apart without looking. */
const TONES: Record<'done' | 'failed', { frequency: number; at: number; length: number }[]> = {
  done: [
    { frequency: 880, at: 0, length: 0.12 },
    { frequency: 1320, at: 0.15, length: 0.12 },
  ],
  failed: [
    { frequency: 440, at: 0, length: 0.25 },
    { frequency: 220, at: 0.3, length: 0.4 },
  ],
};

let context: AudioContext | null = null;

/**
 * Opens the audio output while the person is turning the sound on: a page may start sound only
 * after a gesture, and the first stick is done long after that click.
 */
export function primeSlotSignals(): void {
  context ??= new AudioContext();
  void context.resume();
}

/** Plays the signal through Web Audio (no sound file to ship; works offline). */
export function playSlotSignal(kind: 'done' | 'failed'): void {
  context ??= new AudioContext();
  const start = context.currentTime;
  for (const tone of TONES[kind]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = tone.frequency;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + tone.at);
    oscillator.stop(start + tone.at + tone.length);
  }
}

/**
 * Sounds the signal when a slot turns done or failed (not for slots already so when the page
 * opened), while the person has the sound on.
 */
export function useSlotSignals(state: StationState | null, soundOn: boolean): void {
  const seen = useRef<Map<string, SlotPhase> | null>(null);
  useEffect(() => {
    if (!state) return;
    const before = seen.current;
    seen.current = new Map(state.slots.map((slot) => [slot.port, slot.phase]));
    if (!before || !soundOn) return;
    for (const slot of state.slots) {
      if (before.get(slot.port) === slot.phase) continue;
      if (slot.phase === 'done' || slot.phase === 'failed') playSlotSignal(slot.phase);
    }
  }, [state, soundOn]);
}
