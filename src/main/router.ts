import type { Handlers } from '../shared/api';
import { AppError } from '../shared/errors';
import type { AppServices } from './appServices';
import { inspectImage } from './drives/inspectImage';
import { listReports, readReport } from './reports/reportStore';
import { reportToCsv } from './reports/reportToCsv';

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
    startFlash: async (request) =>
      services.flash.start({ ...request, includeVirtual: services.settings.get().showVirtualDrives }),
    cancelFlash: async ({ jobId, drive }) => services.flash.cancel(jobId, drive),
    listReports: async () => listReports(services.dataDir),
    async exportReport({ id, format }) {
      const report = await readReport(services.dataDir, id);
      if (!report) throw new AppError('reportNotFound', `There is no audit report ${id}.`);
      return format === 'csv'
        ? { fileName: `bootstick-${id}.csv`, mimeType: 'text/csv', content: reportToCsv(report) }
        : {
            fileName: `bootstick-${id}.json`,
            mimeType: 'application/json',
            content: JSON.stringify(report, null, 2),
          };
    },
  };
}
