import {
  ActionGroup,
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  Gallery,
  GalleryItem,
  Label,
  Stack,
  StackItem,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStationStore } from '../stores/stationStore';
import { FieldHint } from './FieldHint';
import { StationEjectAll } from './StationEjectAll';
import { StationLayoutActions } from './StationLayoutActions';
import { StationSlotCard } from './StationSlotCard';
import { primeSlotSignals, useSlotSignals } from './stationSound';

/** Arm ports, then watch every slot: written, verified and counted without a question. */
export function StationTool() {
  const { t } = useTranslation();
  const store = useStationStore();
  const { state, ports } = store;
  const armed = state?.armed === true;
  useSlotSignals(state, store.sound);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the page opens
  useEffect(() => {
    void store.loadPorts();
    void store.load();
  }, []);
  const seen = ports.filter((entry) => entry.port !== null);
  // Ports of a loaded layout with no stick in them now are listed too, so they can be armed.
  const unseen = Object.keys(store.chosen)
    .filter((port) => store.chosen[port] && !seen.some((entry) => entry.port === port))
    .map((port) => ({ port, drive: t('station.page.notSeenNow') }));
  const usbPorts = [...seen, ...unseen];
  const chosen = usbPorts.filter((entry) => store.chosen[entry.port as string]);
  const ready = !armed && store.image.trim() !== '' && chosen.length > 0;
  const status = armed ? (state?.paused ? 'pausedStatus' : 'armedStatus') : 'disarmedStatus';
  return (
    <Stack hasGutter>
      {/* First: while it shows, the grid below does not change, however many sticks go in. */}
      {state?.listingProblem && (
        <StackItem>
          <Alert variant="warning" isInline title={t('station.page.listingFailed')}>
            {state.listingProblem}
          </Alert>
        </StackItem>
      )}
      {state && state.slots.length > 0 && (
        <StackItem>
          <section aria-labelledby="station-grid-title">
            <Title headingLevel="h3" id="station-grid-title">
              {t('station.page.gridLabel')}
            </Title>
            <Content>
              <p aria-live="polite">
                <Label color={armed ? 'green' : 'grey'}>{t(`station.page.${status}`)}</Label>{' '}
                {t('station.page.counters', state.counters)}
                {state.counters.target !== null &&
                  ` (${t('station.page.target', { target: state.counters.target })})`}
              </p>
            </Content>
            <Gallery hasGutter component="ul" aria-labelledby="station-grid-title">
              {state.slots.map((slot) => (
                <GalleryItem component="li" key={slot.port}>
                  <StationSlotCard slot={slot} />
                </GalleryItem>
              ))}
            </Gallery>
            <StationEjectAll state={state} />
          </section>
        </StackItem>
      )}
      <StackItem>
        <Form
          isWidthLimited
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void store.arm();
          }}
        >
          <FormGroup label={t('station.page.imageLabel')} fieldId="station-image" isRequired>
            <TextInput
              id="station-image"
              value={store.image}
              isRequired
              isDisabled={armed}
              onChange={(_, value) => store.setImage(value)}
              aria-describedby="station-image-helper"
            />
            <FieldHint id="station-image-helper" error={null} hint={t('station.page.imageHint')} />
          </FormGroup>
          <FormGroup role="group" label={t('station.page.portsHeading')} fieldId="station-ports">
            <FieldHint
              id="station-ports-helper"
              error={null}
              hint={usbPorts.length === 0 ? t('station.page.noPorts') : t('station.page.portsHint')}
            />
            {usbPorts.map((entry) => {
              const port = entry.port as string;
              return (
                <div key={port} className="station-port">
                  <Checkbox
                    id={`arm-${port}`}
                    label={t('station.page.armPort', { port })}
                    description={entry.drive}
                    isChecked={store.chosen[port] === true}
                    isDisabled={armed}
                    onChange={(_, on) => store.setChosen(port, on)}
                  />
                  <TextInput
                    aria-label={t('station.page.portName', { port })}
                    value={store.names[port] ?? ''}
                    isDisabled={armed}
                    onChange={(_, value) => store.setName(port, value)}
                  />
                </div>
              );
            })}
            <Button variant="link" onClick={() => void store.loadPorts()}>
              {t('station.page.refreshPorts')}
            </Button>
            <StationLayoutActions disabled={armed} />
          </FormGroup>
          <FormGroup label={t('station.page.countLabel')} fieldId="station-count">
            <TextInput
              id="station-count"
              type="number"
              value={store.count}
              isDisabled={armed}
              onChange={(_, value) => store.setField('count', value)}
              aria-describedby="station-count-helper"
            />
            <FieldHint id="station-count-helper" error={null} hint={t('station.page.countHint')} />
          </FormGroup>
          <FormGroup label={t('station.page.minLabel')} fieldId="station-min">
            <TextInput
              id="station-min"
              type="number"
              value={store.minGiB}
              isDisabled={armed}
              onChange={(_, value) => store.setField('minGiB', value)}
            />
          </FormGroup>
          <FormGroup label={t('station.page.maxLabel')} fieldId="station-max">
            <TextInput
              id="station-max"
              type="number"
              value={store.maxGiB}
              isDisabled={armed}
              onChange={(_, value) => store.setField('maxGiB', value)}
            />
          </FormGroup>
          <Checkbox
            id="station-sound"
            label={t('station.page.sound')}
            isChecked={store.sound}
            onChange={(_, on) => {
              if (on) primeSlotSignals();
              store.setOption('sound', on);
            }}
          />
          <Checkbox
            id="station-verify"
            label={t('station.page.verify')}
            isChecked={store.verify}
            isDisabled={armed}
            onChange={(_, on) => store.setOption('verify', on)}
          />
          <Checkbox
            id="station-eject"
            label={t('station.page.eject')}
            isChecked={store.eject}
            isDisabled={armed}
            onChange={(_, on) => store.setOption('eject', on)}
          />
          <ActionGroup>
            <Button type="submit" isDisabled={!ready}>
              {t('station.page.arm')}
            </Button>
            {armed && (
              <Button variant="secondary" onClick={() => void store.pause(!state?.paused)}>
                {state?.paused ? t('station.page.resume') : t('station.page.pause')}
              </Button>
            )}
            {armed && (
              <Button variant="danger" onClick={() => void store.disarm()}>
                {t('station.page.disarm')}
              </Button>
            )}
          </ActionGroup>
        </Form>
      </StackItem>
      {store.error && (
        <StackItem>
          <Alert variant="danger" isInline title={t('station.page.notArmed')}>
            {store.error}
          </Alert>
        </StackItem>
      )}
      {state && state.unarmedDrives.length > 0 && (
        <StackItem>
          <Title headingLevel="h3">{t('station.page.unarmedHeading')}</Title>
          <ul>
            {state.unarmedDrives.map((entry) => (
              <li key={entry.drive}>
                {entry.drive}
                {entry.port ? ` (${entry.port})` : ''}
              </li>
            ))}
          </ul>
        </StackItem>
      )}
    </Stack>
  );
}
