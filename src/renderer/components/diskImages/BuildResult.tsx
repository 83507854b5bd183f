import { Alert, Button } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { isBootTestableType } from '../../../shared/bootTestable';
import type { BuildRecord } from '../../../shared/diskImages/buildRecord';
import { isFlashable } from '../../../shared/diskImages/imageTypes';
import { formatBytes } from '../../../shared/format/formatBytes';
import { useFlashStore } from '../../stores/flashStore';
import { useWizardStore } from '../../stores/wizardStore';
import { BootTestBuiltImage } from './BootTestBuiltImage';
import { buildFailureWords } from './buildFailureWords';

/** How the build ended, in words, and the way on: flash the image it made, or boot it in a VM. */
export function BuildResult({ record }: { record: BuildRecord }) {
  const { t, i18n } = useTranslation();
  const chooseImage = useFlashStore((state) => state.chooseImage);
  const goTo = useWizardStore((state) => state.goTo);
  if (record.outcome === 'cancelled') return <Alert variant="info" isInline title={t('build.cancelled')} />;
  if (record.outcome === 'failed') {
    const { message, fix } = buildFailureWords(record, (key, values) => t(key, values));
    return (
      <Alert variant="danger" isInline title={t('build.failed', { message })}>
        {fix ? <p>{t('build.fix', { fix })}</p> : null}
        {record.error?.detail ? <pre className="bootstick-build-detail">{record.error.detail}</pre> : null}
      </Alert>
    );
  }
  const path = record.artifact ?? '';
  const title =
    record.outcome === 'cached'
      ? // The record is this (cached) build's own; the build that made the image is named by its path.
        t('build.cached', { path })
      : t('build.succeeded', { path, size: formatBytes(record.artifactBytes, i18n.language) });
  return (
    <Alert variant="success" isInline title={title}>
      {record.warnings.map((warning) => (
        <p key={warning}>{warning}</p>
      ))}
      {isFlashable(record.request.type) ? (
        <Button
          onClick={() => {
            void chooseImage(path);
            goTo('flash');
          }}
        >
          {t('build.flashIt')}
        </Button>
      ) : null}
      {record.artifact && isBootTestableType(record.request.type) ? (
        <div className="bootstick-boot-test-start">
          <BootTestBuiltImage path={record.artifact} />
        </div>
      ) : null}
    </Alert>
  );
}
