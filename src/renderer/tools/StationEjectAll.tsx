import { Alert, Button, List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { StationState } from '../../shared/station/stationState';
import { useStationStore } from '../stores/stationStore';

/**
 * "Eject all": powers off every stick the station wrote that is still in its slot, then says per
 * stick what happened — the helper decides which drives qualify, not this page.
 */
export function StationEjectAll({ state }: { state: StationState }) {
  const { t } = useTranslation();
  const { ejected, ejectError, ejectAll } = useStationStore();
  const done = state.slots.filter((slot) => slot.phase === 'done' && slot.drive !== null).length;
  return (
    <>
      <Button variant="secondary" isDisabled={done === 0} onClick={() => void ejectAll()}>
        {t('station.page.ejectAll')}
      </Button>
      {ejectError && (
        <Alert variant="danger" isInline isPlain title={t('station.page.ejectFailed')}>
          {ejectError}
        </Alert>
      )}
      {ejected && (
        <section aria-label={t('station.page.ejectedHeading')} aria-live="polite" data-testid="ejected">
          <List isPlain>
            {ejected.drives.map((entry) => (
              <ListItem key={entry.drive}>
                {t(`station.page.ejected.${entry.reason ?? 'poweredOff'}`, {
                  drive: entry.drive,
                  detail: entry.message ?? '',
                })}
              </ListItem>
            ))}
          </List>
        </section>
      )}
    </>
  );
}
