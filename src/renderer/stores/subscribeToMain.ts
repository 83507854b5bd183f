import { api } from '../api';
import { useBuildStore } from './buildStore';
import { useDrivesStore } from './drivesStore';
import { useFlashStore } from './flashStore';
import { followTheme } from './followTheme';
import { useImageBuildStore } from './imageBuildStore';
import { useSettingsStore } from './settingsStore';
import { useVerifyStore } from './verifyStore';

/** Routes main's events into the stores, then loads the first state. Returns the unsubscriber. */
export function subscribeToMain(): () => void {
  const unsubscribers = [
    api.on('drivesChanged', (drives) => useDrivesStore.getState().received(drives)),
    api.on('settingsChanged', (settings) => useSettingsStore.getState().received(settings)),
    api.on('flashProgress', (progress) => useFlashStore.getState().progressReceived(progress)),
    api.on('flashFinished', (finished) => useFlashStore.getState().finishedReceived(finished)),
    // A verify job reports through the flash events too; each store keeps only its own job's.
    api.on('flashProgress', (progress) => useVerifyStore.getState().progressReceived(progress)),
    api.on('flashFinished', (finished) => useVerifyStore.getState().finishedReceived(finished)),
    followTheme(),
    api.on('buildProgress', (progress) => useBuildStore.getState().progressReceived(progress)),
    api.on('buildLog', (payload) => useBuildStore.getState().logReceived(payload)),
    api.on('buildFinished', (record) => useBuildStore.getState().finishedReceived(record)),
    // Containerfile builds share the buildLog event; their ids start with `image-`.
    api.on('buildLog', (payload) => useImageBuildStore.getState().logReceived(payload)),
    api.on('imageBuildFinished', (end) => useImageBuildStore.getState().finishedReceived(end)),
  ];
  void useSettingsStore.getState().load();
  void useDrivesStore.getState().load();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
