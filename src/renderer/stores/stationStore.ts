import { create } from 'zustand';
import type { EjectDrivesResult } from '../../shared/station/ejectDrives';
import type { StationLayout } from '../../shared/station/stationSlots';
import type { PortSeen, StationState } from '../../shared/station/stationState';
import { api } from '../api';
import { messageOf } from './messageOf';

const GiB = 1024 ** 3;

interface StationStore {
  image: string;
  ports: PortSeen[];
  /** The name the person gave each port they mean to arm (port → name). */
  names: Record<string, string>;
  chosen: Record<string, boolean>;
  count: string;
  minGiB: string;
  maxGiB: string;
  verify: boolean;
  eject: boolean;
  /** A tone when a slot turns done or failed (for a station across the room). */
  sound: boolean;
  state: StationState | null;
  error: string | null;
  /** What the last "eject all" did to each stick, or why it did nothing. */
  ejected: EjectDrivesResult | null;
  ejectError: string | null;
  setImage(image: string): void;
  setName(port: string, name: string): void;
  setChosen(port: string, chosen: boolean): void;
  setField(field: 'count' | 'minGiB' | 'maxGiB', value: string): void;
  setOption(option: 'verify' | 'eject' | 'sound', value: boolean): void;
  loadPorts(): Promise<void>;
  load(): Promise<void>;
  received(state: StationState): void;
  arm(): Promise<void>;
  pause(paused: boolean): Promise<void>;
  disarm(): Promise<void>;
  ejectAll(): Promise<void>;
  /** The ports chosen now with their names, as a layout to save. */
  layoutOf(name: string): StationLayout;
  /** Chooses exactly a saved layout's ports, under its names (ports not seen now included). */
  applyLayout(layout: StationLayout): void;
}

const bytesOf = (gib: string, fallback: number) =>
  gib.trim() === '' ? fallback : Math.round(Number(gib) * GiB);

export const useStationStore = create<StationStore>((set, get) => ({
  image: '',
  ports: [],
  names: {},
  chosen: {},
  count: '',
  minGiB: '',
  maxGiB: '',
  verify: true,
  eject: false,
  sound: false,
  state: null,
  error: null,
  ejected: null,
  ejectError: null,
  setImage: (image) => set({ image }),
  setName: (port, name) => set((store) => ({ names: { ...store.names, [port]: name } })),
  setChosen: (port, chosen) => set((store) => ({ chosen: { ...store.chosen, [port]: chosen } })),
  setField: (field, value) => set({ [field]: value } as Pick<StationStore, typeof field>),
  setOption: (option, value) => set({ [option]: value } as Pick<StationStore, typeof option>),
  async loadPorts() {
    const ports = await api.call('listStationPorts', {});
    set((store) => {
      const names = { ...store.names };
      ports.forEach((entry, index) => {
        if (entry.port && names[entry.port] === undefined) names[entry.port] = String(index + 1);
      });
      return { ports, names };
    });
  },
  async load() {
    set({ state: await api.call('getStation', {}) });
  },
  received: (state) => set({ state }),
  async arm() {
    const { image, count, minGiB, maxGiB, verify, eject } = get();
    const { slots } = get().layoutOf('');
    try {
      set({ error: null });
      const state = await api.call('armStation', {
        image: image.trim(),
        slots,
        target: count.trim() === '' ? null : Number(count),
        minBytes: bytesOf(minGiB, 0),
        maxBytes: bytesOf(maxGiB, 2 * 1024 * GiB),
        verify,
        eject,
      });
      set({ state });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async pause(paused) {
    set({ state: await api.call('pauseStation', { paused }) });
  },
  async disarm() {
    set({ state: await api.call('disarmStation', {}) });
  },
  layoutOf(name) {
    const { chosen, names } = get();
    const slots = Object.entries(chosen)
      .filter(([, on]) => on)
      .map(([port]) => ({ port, name: names[port]?.trim() || port }));
    return { name, slots };
  },
  applyLayout(layout) {
    set((store) => ({
      chosen: Object.fromEntries(layout.slots.map((slot) => [slot.port, true])),
      names: { ...store.names, ...Object.fromEntries(layout.slots.map((slot) => [slot.port, slot.name])) },
    }));
  },
  async ejectAll() {
    set({ ejected: null, ejectError: null });
    try {
      set({ ejected: await api.call('ejectStationDrives', {}) });
    } catch (error) {
      set({ ejectError: messageOf(error) });
    }
  },
}));
