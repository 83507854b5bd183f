import { Alert, Checkbox } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useBuildStore } from '../../stores/buildStore';

/**
 * A build whose installed system could never update (a localhost/… source, a digest, an image id,
 * and no "updates from") says so before it starts, in the CLI's own words, and starts only once
 * the person ticks that they mean it: not a silent default.
 */
export function UntrackableConfirm({ source, disabled }: { source: string; disabled: boolean }) {
  const { t } = useTranslation();
  const { confirmedUntrackable, confirmUntrackable } = useBuildStore();
  return (
    <Alert
      variant="warning"
      isInline
      title={t('updates.updatesFrom.warningTitle')}
      data-testid="build-untrackable-warning"
    >
      <p>{t('updates.updatesFrom.localOnly', { ref: source })}</p>
      <Checkbox
        id="build-untrackable-confirm"
        label={t('updates.updatesFrom.confirm')}
        isChecked={confirmedUntrackable === source}
        onChange={(_, checked) => confirmUntrackable(checked ? source : null)}
        isDisabled={disabled}
      />
    </Alert>
  );
}
