import { hashPassword } from '../core/blueprint/hashPassword';
import { bootTestHost } from '../core/bootTest/bootTestHost';
import { allowedBuilderImages } from '../core/diskImages/allowedBuilderImages';
import { readBuildLog } from '../core/diskImages/buildHistory';
import { listBuildHistory } from '../core/diskImages/buildHistoryEntries';
import { inspectDiskImage } from '../core/drives/inspectDiskImage';
import { copyExample, listExamples } from '../core/examples/exampleFolders';
import { listReports, readReport } from '../core/reports/reportStore';
import { reportToCsv } from '../core/reports/reportToCsv';
import { compareUpdate } from '../core/updates/compareUpdate';
import type { Handlers } from '../shared/api';
import { memoryKeptMiB, vmSizeLimits } from '../shared/bootTestVmSize';
import { builderAllowed } from '../shared/diskImages/builderPolicy';
import { AppError } from '../shared/errors';
import type { AppServices } from './appServices';

/** Main's implementation of every call in the contract; inputs arrive already validated. */
export function createRouter(services: AppServices): Handlers {
  return {
    listDrives: async () => services.drives.current(),
    getSettings: async () => services.settings.get(),
    loadDraft: async () => services.drafts.load(),
    saveDraft: async (draft) => {
      await services.drafts.save(draft);
      return true;
    },
    async updateSettings(patch) {
      if (patch.bibImage !== undefined) {
        // Root decides which builders run privileged; the setting only picks among them.
        const { allowed, file } = await allowedBuilderImages();
        if (!builderAllowed(patch.bibImage, allowed)) {
          throw new AppError(
            'invalidInput',
            `${patch.bibImage} is not a builder image this computer allows. Root lists them in ${file}: ${allowed.join(', ')}.`,
          );
        }
      }
      if (patch.bootTestMemoryMiB !== undefined || patch.bootTestCpus !== undefined) {
        // Whatever a renderer sends (or sent before it knew this computer): no more than it can lend.
        const host = await bootTestHost();
        const most = vmSizeLimits(host);
        if (patch.bootTestMemoryMiB !== undefined && patch.bootTestMemoryMiB > most.memoryMiB) {
          throw new AppError(
            'invalidInput',
            `A boot test's VM may have at most ${most.memoryMiB} MiB on this computer (it has ${host.memoryMiB} MiB and keeps ${memoryKeptMiB(host.memoryMiB)} for itself), not ${patch.bootTestMemoryMiB}.`,
          );
        }
        if (patch.bootTestCpus !== undefined && patch.bootTestCpus > most.cpus) {
          throw new AppError(
            'invalidInput',
            `A boot test's VM may have at most ${most.cpus} CPUs on this computer, not ${patch.bootTestCpus}.`,
          );
        }
      }
      // Another builder image: its digest is pinned afresh on its first use.
      const repin = patch.bibImage !== undefined && patch.bibImage !== services.settings.get().bibImage;
      const settings = await services.settings.update(repin ? { bibImageDigest: null, ...patch } : patch);
      services.emit('settingsChanged', settings);
      await services.drives.settingsChanged();
      return settings;
    },
    async selectImage({ path }) {
      const image = path === null ? null : await inspectDiskImage(path);
      services.drives.setImage(image);
      return image;
    },
    openFileDialog: async ({ purpose }) => ({ path: await services.chooseFile(purpose) }),
    startFlash: async (request) =>
      services.flash.start({ ...request, includeVirtual: services.settings.get().showVirtualDrives }),
    cancelFlash: async ({ jobId, drive }) => services.flash.cancel(jobId, drive),
    startVerify: async ({ image, drive }) =>
      services.flash.verify({ image, drive, includeVirtual: services.settings.get().showVirtualDrives }),
    hashPassword: async ({ password }) => ({ hash: hashPassword(password) }),
    inspectSshKeys: async (input) => services.blueprints.inspectSshKeys(input),
    importBlueprint: async (input) => services.blueprints.importBlueprint(input),
    checkBlueprint: async (input) => services.blueprints.checkBlueprint(input),
    exportBlueprint: async (input) => services.blueprints.exportBlueprint(input),
    listProfiles: async () => services.blueprints.listProfiles(),
    getProfile: async (input) => services.blueprints.getProfile(input),
    saveProfile: async (input) => services.blueprints.saveProfile(input),
    renameProfile: async (input) => services.blueprints.renameProfile(input),
    deleteProfile: async (input) => services.blueprints.deleteProfile(input),
    exportProfile: async (input) => ({ text: await services.blueprints.exportProfile(input) }),
    startDiskImageBuild: async (request) => services.builds.start(request),
    cancelDiskImageBuild: async ({ buildId }) => ({ cancelled: await services.builds.cancel(buildId) }),
    startContainerImageBuild: async (input) => services.imageBuilds.start(input),
    cancelContainerImageBuild: async ({ buildId }) => ({
      cancelled: await services.imageBuilds.cancel(buildId),
    }),
    listBuilderImages: async () => allowedBuilderImages(),
    listLocalImages: async () => services.listLocalImages(),
    listExamples: async () => listExamples(services.examplesDir),
    copyExample: async ({ id }) => copyExample(services.examplesDir, services.dataDir, id),
    listBuilds: async () => listBuildHistory(services.dataDir),
    async readBuildLog({ buildId }) {
      const text = await readBuildLog(services.dataDir, buildId);
      if (text === null) throw new AppError('buildNotFound', `There is no log for build ${buildId}.`);
      return { text };
    },
    listStationPorts: async () => services.station.ports(),
    armStation: async (input) => services.station.arm(input),
    pauseStation: async ({ paused }) => services.station.pause(paused),
    disarmStation: async () => services.station.disarm(),
    ejectStationDrives: () => services.station.ejectAll(),
    getStation: async () => services.station.state(),
    compareUpdate: async (input) => compareUpdate(input, services.helper),
    startPush: async (input) => services.pushes.start(input),
    cancelPush: async ({ jobId }) => ({ cancelled: await services.pushes.cancel(jobId) }),
    startBootTest: async (input) => services.bootTests.start(input),
    cancelBootTest: async ({ jobId }) => ({ cancelled: await services.bootTests.cancel(jobId) }),
    getBootTestHost: () => bootTestHost(),
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
