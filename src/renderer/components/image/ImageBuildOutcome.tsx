import { Alert, Button } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ImageBuildFinished } from '../../../shared/containerImages/containerfileBuild';
import { useWizardStore } from '../../stores/wizardStore';

/** How a Containerfile build ended, in words; after a success, the way on to the Blueprint step. */
export function ImageBuildOutcome({ finished }: { finished: ImageBuildFinished }) {
  const { t } = useTranslation();
  const goTo = useWizardStore((state) => state.goTo);
  if (finished.cancelled) return <Alert variant="info" isInline title={t('image.build.cancelled')} />;
  if (finished.error) {
    return (
      <Alert
        variant="danger"
        isInline
        title={t('image.build.notStarted', { message: finished.error.message })}
      />
    );
  }
  if (!finished.ok) {
    return (
      <Alert variant="danger" isInline title={t('image.build.failed', { tag: finished.tag })}>
        <pre className="bootstick-build-detail">{finished.tail.slice(-8).join('\n')}</pre>
      </Alert>
    );
  }
  return (
    <Alert variant="success" isInline title={t('image.build.succeeded', { tag: finished.tag })}>
      <Button onClick={() => goTo('blueprint')}>{t('image.next')}</Button>
    </Alert>
  );
}
