import { Button, CodeBlock, CodeBlockCode, Content, Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blueprint } from '../../../shared/blueprint/blueprintSchema';
import type { ImageType, RootFs } from '../../../shared/diskImages/imageTypes';
import { api } from '../../api';
import { download } from '../download';

/**
 * The exact config.toml bib will get, passwords as hashes, refreshed as the form changes; it can
 * be downloaded as it is shown, for bib on its own or for `bootstick build --config`.
 */
export function ConfigPreview({
  blueprint,
  imageType,
  rootfs,
}: {
  blueprint: Blueprint;
  imageType: ImageType;
  rootfs: RootFs | null;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const key = JSON.stringify(blueprint);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api
        .call('exportBlueprint', {
          blueprint: JSON.parse(key),
          format: 'toml',
          imageType,
          ...(rootfs ? { rootfs } : {}),
        })
        .then((result) => current && setText(result.ok ? result.text : null));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, imageType, rootfs]);
  return (
    <section aria-labelledby="config-preview-title">
      <Title headingLevel="h3" id="config-preview-title">
        {t('blueprint.preview')}
      </Title>
      {text === null ? (
        <Content component="p">{t('blueprint.previewBlocked')}</Content>
      ) : (
        <CodeBlock
          actions={
            <Button variant="secondary" onClick={() => download('config.toml', 'application/toml', text)}>
              {t('blueprint.downloadConfig')}
            </Button>
          }
        >
          <CodeBlockCode id="config-preview">{text || '# (empty)'}</CodeBlockCode>
        </CodeBlock>
      )}
    </section>
  );
}
