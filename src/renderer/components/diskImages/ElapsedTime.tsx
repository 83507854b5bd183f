import { Content } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildRecord } from '../../../shared/diskImages/buildRecord';
import { formatDuration } from '../../../shared/format/formatDuration';

/**
 * How long the build has run, ticking each second while it runs; once it ended, how long it
 * took by main's own record (from its start to its end, not this window's clock).
 */
export function ElapsedTime({ startedAt, record }: { startedAt: number; record: BuildRecord | null }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (record) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [record]);
  const text = record
    ? t('build.took', {
        time: formatDuration(Date.parse(record.endedAt) - Date.parse(record.startedAt)),
      })
    : t('build.elapsed', { time: formatDuration(now - startedAt) });
  // Not a live region: a screen reader announcing every second would drown everything else out.
  return (
    <Content component="p" data-testid="build-elapsed">
      {text}
    </Content>
  );
}
