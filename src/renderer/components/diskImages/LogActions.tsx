import { Button, Flex, FlexItem } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { copyText } from '../copyText';
import { download } from '../download';

/**
 * Copy and save the build's log. The view keeps only its last lines; the whole log is main's
 * (saved beside the build's record), so that is what is copied and saved once it exists.
 */
export function LogActions({ lines, buildId }: { lines: string[]; buildId: string | null }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const wholeLog = async () => {
    if (!buildId) return lines.join('\n');
    // While the build runs there is no saved log yet: what arrived so far is the log.
    return api.call('readBuildLog', { buildId }).then(
      (result) => result.text,
      () => lines.join('\n'),
    );
  };
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
      <FlexItem>
        <output aria-live="polite">
          {copied === null ? '' : copied ? t('build.logCopied') : t('build.logNotCopied')}
        </output>
      </FlexItem>
      <FlexItem>
        <Button
          variant="secondary"
          onClick={async () => {
            setCopied(await copyText(await wholeLog()));
          }}
        >
          {t('build.logCopy')}
        </Button>
      </FlexItem>
      <FlexItem>
        <Button
          variant="secondary"
          onClick={async () => {
            download(`bootstick-build-${buildId ?? 'log'}.log`, 'text/plain', await wholeLog());
          }}
        >
          {t('build.logSave')}
        </Button>
      </FlexItem>
    </Flex>
  );
}
