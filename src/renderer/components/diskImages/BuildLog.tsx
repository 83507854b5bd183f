import { Flex, FlexItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { LogActions } from './LogActions';
import { LogView } from './LogView';

/** bib's output as it streams, following the end; the log can be copied or saved whole. */
export function BuildLog({ lines, buildId }: { lines: string[]; buildId: string | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="build-log-title">
      <Flex
        alignItems={{ default: 'alignItemsCenter' }}
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
      >
        <FlexItem>
          <Title headingLevel="h3" id="build-log-title">
            {t('build.log')}
          </Title>
        </FlexItem>
        <FlexItem>
          <LogActions lines={lines} buildId={buildId} />
        </FlexItem>
      </Flex>
      <LogView lines={lines} labelledBy="build-log-title" />
    </section>
  );
}
