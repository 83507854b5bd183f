import { api } from '../api';
import { useBuildStore } from './buildStore';
import { useDrivesStore } from './drivesStore';
import { useFlashStore } from './flashStore';
import { followTheme } from './followTheme';
import { useImageBuildStore } from './imageBuildStore';
import { useJobsStore } from './jobsStore';
import { useSettingsStore } from './settingsStore';
import { useStationStore } from './stationStore';
import { useUpdateStore } from './updateStore';
import { useVerifyStore } from './verifyStore';

/** Routes main's events into the stores, then loads the first state. Returns the unsubscriber. */
export function subscribeToMain(): () => void {
  const unsubscribers = [
    api.on('drivesChanged', (drives) => useDrivesStore.getState().received(drives)),
    api.on('settingsChanged', (settings) => useSettingsStore.getState().received(settings)),
    followTheme(),
    // Every job's events go to one store, by id; the steps' stores read their own job from it.
    api.on('jobProgress', (event) => useJobsStore.getState().progressReceived(event)),
    api.on('jobLog', (event) => useJobsStore.getState().logReceived(event)),
    api.on('jobFinished', (event) => useJobsStore.getState().finishedReceived(event)),
    api.on('stationChanged', (state) => useStationStore.getState().received(state)),
    useJobsStore.subscribe(() => {
      useFlashStore.getState().syncFromJobs();
      useVerifyStore.getState().syncFromJobs();
      useBuildStore.getState().syncFromJobs();
      useImageBuildStore.getState().syncFromJobs();
      useUpdateStore.getState().syncFromJobs();
    }),
  ];
  void useSettingsStore.getState().load();
  void useDrivesStore.getState().load();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
