import { Alert, AlertActionCloseButton, AlertGroup } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiskImageChoiceStore } from '../stores/diskImageChoiceStore';
import { useWizardStore } from '../stores/wizardStore';
import { useDiskImageRefusal } from './image/useDiskImageRefusal';

/**
 * A file dropped anywhere on the window is taken as the disk image to flash and opens the Flash
 * step; a refused one says why in a toast, changing nothing. Drops that a drop zone handled
 * itself (prevented) are left alone, and so is a drop into a text field.
 */
export function WindowDrop() {
  const { t } = useTranslation();
  const chooseDropped = useDiskImageChoiceStore((state) => state.chooseDropped);
  const goTo = useWizardStore((state) => state.goTo);
  const refusal = useDiskImageRefusal('window');
  const [showRefusal, setShowRefusal] = useState(false);
  useEffect(() => {
    const takesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (event.defaultPrevented || !takesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented || !takesFiles(event)) return;
      // Never let the browser open the file in place of the app.
      event.preventDefault();
      void chooseDropped([...(event.dataTransfer?.files ?? [])], 'window').then((accepted) => {
        setShowRefusal(!accepted);
        if (accepted) goTo('flash');
      });
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [chooseDropped, goTo]);
  return (
    <AlertGroup isToast isLiveRegion>
      {showRefusal && refusal ? (
        <Alert
          variant="danger"
          title={t('image.fast.dropRefused')}
          actionClose={<AlertActionCloseButton onClose={() => setShowRefusal(false)} />}
          data-testid="window-drop-refusal"
        >
          {refusal}
        </Alert>
      ) : null}
    </AlertGroup>
  );
}
