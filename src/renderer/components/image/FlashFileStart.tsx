import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Title,
} from '@patternfly/react-core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiskImageChoiceStore } from '../../stores/diskImageChoiceStore';
import { useHistoryStore } from '../../stores/historyStore';
import { useWizardStore } from '../../stores/wizardStore';
import { recentImages } from './recentImages';
import { useDiskImageRefusal } from './useDiskImageRefusal';

/**
 * The short way for a file that already is a disk image, first on the first screen: choose it (or
 * one flashed or built lately) and land on the drive cards, as in Etcher: image, drive, Flash.
 */
export function FlashFileStart() {
  const { t } = useTranslation();
  const { browse, choose } = useDiskImageChoiceStore();
  const goTo = useWizardStore((state) => state.goTo);
  const { reports, builds, loaded, load } = useHistoryStore();
  const refusal = useDiskImageRefusal('start');
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const recent = recentImages(reports, builds);
  const toFlash = (accepted: boolean) => {
    if (accepted) goTo('flash');
  };
  return (
    <Card isCompact data-testid="flash-file-start">
      <CardTitle>
        <Title headingLevel="h3">{t('image.fast.title')}</Title>
      </CardTitle>
      <CardBody>
        <Flex direction={{ default: 'column' }} gap={{ default: 'gapSm' }}>
          <FlexItem>{t('image.fast.hint')}</FlexItem>
          <FlexItem>
            <Button variant="primary" onClick={() => void browse('start').then(toFlash)}>
              {t('image.fast.choose')}
            </Button>
          </FlexItem>
          {recent.length > 0 && (
            <FlexItem>
              <Title headingLevel="h4" id="recent-images-title">
                {t('image.fast.recent')}
              </Title>
              <List isPlain aria-labelledby="recent-images-title">
                {recent.map((entry) => (
                  <ListItem key={entry.path}>
                    <Button
                      variant="link"
                      isInline
                      className="bootstick-image-path"
                      aria-label={t('image.fast.flashRecent', { path: entry.path })}
                      onClick={() => void choose(entry.path, 'start').then(toFlash)}
                    >
                      {entry.path}
                    </Button>
                  </ListItem>
                ))}
              </List>
            </FlexItem>
          )}
          <HelperText aria-live="polite">
            {refusal ? <HelperTextItem variant="error">{refusal}</HelperTextItem> : null}
          </HelperText>
        </Flex>
      </CardBody>
    </Card>
  );
}
