import { Card, CardBody, CardTitle, Label, Progress } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/formatBytes';
import { describeStationRefusal } from '../../shared/station/describeStationRefusal';
import type { SlotPhase, SlotView } from '../../shared/station/stationSlots';

/** Colour says the outcome from across the room: green done, red failed, orange refused. */
const PHASE_COLOUR: Record<SlotPhase, 'green' | 'red' | 'orange' | 'blue' | 'grey'> = {
  empty: 'grey',
  waiting: 'grey',
  writing: 'blue',
  verifying: 'blue',
  done: 'green',
  failed: 'red',
  refused: 'orange',
};

/** One slot of the station's grid: its name, state, drive, speed and why it failed or was refused. */
export function StationSlotCard({ slot }: { slot: SlotView }) {
  const { t, i18n } = useTranslation();
  const busy = slot.phase === 'writing' || slot.phase === 'verifying';
  const percent = slot.total > 0 ? Math.min(100, (slot.bytes / slot.total) * 100) : 0;
  const why = slot.reasons.map((reason) => describeStationRefusal(reason, t, i18n.language));
  return (
    <Card isCompact className={`station-slot station-slot-${slot.phase}`} data-phase={slot.phase}>
      <CardTitle component="h4">{slot.name}</CardTitle>
      <CardBody>
        <Label
          color={PHASE_COLOUR[slot.phase]}
          status={slot.phase === 'done' ? 'success' : slot.phase === 'failed' ? 'danger' : undefined}
        >
          {t(`station.phase.${slot.phase}`)}
        </Label>
        {slot.stalled && <Label color="red">{t('station.stalled')}</Label>}
        {slot.slow && <Label color="orange">{t('station.slow')}</Label>}
        {slot.drive && <p>{slot.drive}</p>}
        {busy && (
          <Progress
            value={percent}
            aria-label={`${t(`station.phase.${slot.phase}`)} ${slot.name}`}
            measureLocation="outside"
            label={slot.speed === null ? undefined : `${formatBytes(slot.speed, i18n.language)}/s`}
          />
        )}
        {slot.error && <p>{slot.error}</p>}
        {why.length > 0 && (
          <ul>
            {why.map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
