import { Alert, Button, Flex, FlexItem, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseStationLayout, stationLayoutText } from '../../shared/station/stationLayout';
import { download } from '../components/download';
import { TextFilePicker } from '../components/TextFilePicker';
import { useStationStore } from '../stores/stationStore';

/** A layout lists at most 64 ports: far below this. */
const MAX_LAYOUT_BYTES = 256 * 1024;

type Notice = { variant: 'success' | 'danger'; text: string };

/**
 * Saves the ports chosen now, with their names, as a layout file, and loads one back: the same
 * JSON `bootstick station --layout` reads and `--save-layout` writes, so a station set up in the
 * app runs from the CLI too. A loaded layout's ports are chosen even when no stick is in them now.
 */
export function StationLayoutActions({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { layoutOf, applyLayout, chosen } = useStationStore();
  const [name, setName] = useState('station');
  const [notice, setNotice] = useState<Notice | null>(null);
  const anyChosen = Object.values(chosen).some(Boolean);
  return (
    <>
      <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <TextInput
            aria-label={t('station.page.layoutName')}
            value={name}
            isDisabled={disabled}
            onChange={(_, value) => setName(value)}
          />
        </FlexItem>
        <FlexItem>
          <Button
            variant="secondary"
            isDisabled={disabled || !anyChosen || name.trim() === ''}
            onClick={() => {
              const layout = layoutOf(name.trim());
              download(`${layout.name}.json`, 'application/json', stationLayoutText(layout));
              setNotice({ variant: 'success', text: t('station.page.layoutSaved', { name: layout.name }) });
            }}
          >
            {t('station.page.saveLayout')}
          </Button>
        </FlexItem>
        <FlexItem>
          {!disabled && (
            <TextFilePicker
              id="station-layout-file"
              accept=".json"
              label={t('station.page.loadLayout')}
              maxBytes={MAX_LAYOUT_BYTES}
              onTooLarge={() => setNotice({ variant: 'danger', text: t('station.page.layoutTooLarge') })}
              onText={(text, fileName) => {
                const parsed = parseStationLayout(text);
                if (!parsed.ok) {
                  setNotice({
                    variant: 'danger',
                    text: t('station.page.layoutRefused', { file: fileName, problem: parsed.problem }),
                  });
                  return;
                }
                applyLayout(parsed.layout);
                setName(parsed.layout.name);
                setNotice({
                  variant: 'success',
                  text: t('station.page.layoutLoaded', {
                    name: parsed.layout.name,
                    count: parsed.layout.slots.length,
                  }),
                });
              }}
            />
          )}
        </FlexItem>
      </Flex>
      {notice && <Alert variant={notice.variant} isInline isPlain isLiveRegion title={notice.text} />}
    </>
  );
}
