import { Stack, StackItem, Title } from '@patternfly/react-core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isTrackableReference } from '../../shared/updates/updateSource';
import { CompareForm } from '../components/updates/CompareForm';
import { CompareRefusal } from '../components/updates/CompareRefusal';
import { PublishForm } from '../components/updates/PublishForm';
import { UpdateDiffView } from '../components/updates/UpdateDiffView';
import { useBuildStore } from '../stores/buildStore';
import { useUpdateStore } from '../stores/updateStore';

/**
 * The update loop past the stick: what the hosts will download (compared with the registry's
 * current tag, an earlier version, or the digest a host reports), then publishing the version.
 * A tool rather than a wizard step: it is used again for every new version, long after a stick
 * was made, and its "from" is the hosts' state, not this wizard's job.
 */
export function UpdateTool() {
  const { t } = useTranslation();
  const diff = useUpdateStore((state) => state.diff);
  // The stick this wizard built follows this reference: what its hosts run, unless the person says else.
  const tracked = useBuildStore((state) => state.record?.request.sourceImage ?? null);
  useEffect(() => {
    const update = useUpdateStore.getState();
    if (tracked && isTrackableReference(tracked) && update.from === '') update.set({ from: tracked });
  }, [tracked]);
  return (
    <Stack hasGutter>
      <StackItem>
        <section aria-labelledby="update-compare-heading">
          <Title headingLevel="h3" id="update-compare-heading">
            {t('updates.tool.compareHeading')}
          </Title>
          <CompareForm />
        </section>
      </StackItem>
      <StackItem>
        <CompareRefusal />
      </StackItem>
      {diff ? (
        <StackItem>
          <UpdateDiffView diff={diff} />
        </StackItem>
      ) : null}
      <StackItem>
        <section aria-labelledby="update-publish-heading">
          <Title headingLevel="h3" id="update-publish-heading">
            {t('updates.tool.publishHeading')}
          </Title>
          <PublishForm />
        </section>
      </StackItem>
    </Stack>
  );
}
