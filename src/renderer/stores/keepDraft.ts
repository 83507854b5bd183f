import type { Draft } from '../../shared/draft/draftSchema';
import { api } from '../api';
import { emptyDraft } from './blueprintDraft';
import { blueprintDraftFrom } from './blueprintDraftFrom';
import { useBlueprintStore } from './blueprintStore';
import { useBuildStore } from './buildStore';
import { useFlashStore } from './flashStore';
import { useImageStore } from './imageStore';
import { useWizardStore } from './wizardStore';

/** Long enough to save once per burst of typing, short enough that closing the app loses nothing. */
const SAVE_DELAY_MS = 300;
const BLUEPRINT_FIELDS = Object.keys(emptyDraft());

/** What the person has done so far, as main keeps it: forms and step, no typed password, no drives. */
function currentDraft(): Draft {
  const blueprint = useBlueprintStore.getState() as unknown as Record<string, unknown>;
  const { type, targetArch, rootfs, updatesFrom } = useBuildStore.getState();
  return {
    step: useWizardStore.getState().step,
    image: { reference: useImageStore.getState().reference },
    blueprint: JSON.parse(
      JSON.stringify(Object.fromEntries(BLUEPRINT_FIELDS.map((key) => [key, blueprint[key]]))),
    ),
    build: { type, targetArch, rootfs, updatesFrom },
    flashImage: useFlashStore.getState().image?.path ?? null,
  };
}

async function restore(draft: Draft): Promise<void> {
  useImageStore.getState().setReference(draft.image.reference);
  useBlueprintStore.setState(blueprintDraftFrom(draft.blueprint));
  // Main checked the draft against DraftSchema; the build options need no second check here.
  const { type, targetArch, rootfs, updatesFrom } = draft.build;
  useBuildStore.setState({
    ...(type ? { type } : {}),
    targetArch: targetArch ?? null,
    rootfs: rootfs ?? null,
    updatesFrom: updatesFrom ?? '',
  });
  // The file may be gone since: then nothing is chosen, and nothing is said about it.
  if (draft.flashImage) {
    await useFlashStore.getState().chooseImage(draft.flashImage);
    useFlashStore.setState({ imageError: null, imageErrorCode: null });
  }
  useWizardStore.getState().goTo(draft.step);
}

/**
 * Work in progress survives a restart: the last draft is put back into the stores, then every
 * change is saved (debounced) to main, which refuses anything holding a secret. Saving starts
 * only after restoring, so an empty form never overwrites the draft it is about to receive.
 */
export async function keepDraft(): Promise<void> {
  try {
    const draft = await api.call('loadDraft', {});
    if (draft) await restore(draft);
  } catch (error) {
    console.warn(`The work in progress of the last run could not be restored: ${String(error)}`);
  }
  let saved = JSON.stringify(currentDraft());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const draft = currentDraft();
    const text = JSON.stringify(draft);
    if (text === saved) return;
    saved = text;
    api.call('saveDraft', draft).catch((error: unknown) => {
      console.warn(`The work in progress could not be kept: ${String(error)}`);
    });
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(save, SAVE_DELAY_MS);
  };
  for (const store of [useWizardStore, useImageStore, useBlueprintStore, useBuildStore, useFlashStore]) {
    (store.subscribe as (listener: () => void) => () => void)(schedule);
  }
}
