import type { Handlers } from '../shared/api';
import type { AppServices } from './appServices';
import { inspectImage } from './drives/inspectImage';

/** Main's implementation of every call in the contract; inputs arrive already validated. */
export function createRouter(services: AppServices): Handlers {
  return {
    listDrives: async () => services.drives.current(),
    getSettings: async () => services.settings.get(),
    async updateSettings(patch) {
      const settings = await services.settings.update(patch);
      services.emit('settingsChanged', settings);
      await services.drives.settingsChanged();
      return settings;
    },
    async selectImage({ path }) {
      const image = path === null ? null : await inspectImage(path);
      services.drives.setImage(image);
      return image;
    },
  };
}
