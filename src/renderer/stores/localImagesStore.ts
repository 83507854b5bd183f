import { create } from 'zustand';
import type { LocalImages } from '../../shared/containerImages/localImages';
import { api } from '../api';
import { messageOf } from './messageOf';

interface LocalImagesState {
  loading: boolean;
  /** The last listing (with podman's problem, when it could not list), or null before the first. */
  listing: LocalImages | null;
  load(): Promise<void>;
}

/**
 * The images in root's podman storage, offered in the Image step. Listed when the person asks
 * (the helper may need a password), and again after a Containerfile build added one.
 */
export const useLocalImagesStore = create<LocalImagesState>((set) => ({
  loading: false,
  listing: null,
  async load() {
    set({ loading: true });
    try {
      set({ listing: await api.call('listLocalImages', {}) });
    } catch (error) {
      set({ listing: { available: false, problem: messageOf(error), images: [] } });
    } finally {
      set({ loading: false });
    }
  },
}));
