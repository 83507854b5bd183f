import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { repositoryOf } from '../../../shared/updates/imageSpec';
import { useUpdateStore } from '../../stores/updateStore';
import { UpdateSummary } from './UpdateSummary';

/**
 * On First boot, next to the bootc commands: when the Update tool compared a newer version with
 * what this job's stick tracks (same repository), what `bootc upgrade` will fetch, in numbers.
 */
export function KnownUpdate({ tracked }: { tracked: string }) {
  const { t } = useTranslation();
  const diff = useUpdateStore((state) => state.diff);
  if (!diff || tracked === '' || repositoryOf(diff.from.ref) !== repositoryOf(tracked)) return null;
  return (
    <Alert
      variant="info"
      isInline
      title={t('updates.tool.newerKnown', { to: diff.to.ref })}
      data-testid="known-update"
    >
      <p>
        <UpdateSummary diff={diff} />
      </p>
    </Alert>
  );
}
