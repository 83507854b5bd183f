import { CodeBlock, CodeBlockCode, Content, Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Blueprint } from '../../../shared/blueprint/blueprintSchema';
import type { ImageType } from '../../../shared/build/imageTypes';
import { api } from '../../api';

/** The exact config.toml bib will get, passwords as hashes, refreshed as the form changes. */
export function ConfigPreview({ blueprint, imageType }: { blueprint: Blueprint; imageType: ImageType }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const key = JSON.stringify(blueprint);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api
        .call('exportBlueprint', { blueprint: JSON.parse(key), format: 'toml', imageType })
        .then((result) => current && setText(result.ok ? result.text : null));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, imageType]);
  return (
    <section aria-labelledby="config-preview-title">
      <Title headingLevel="h3" id="config-preview-title">
        {t('blueprint.preview')}
      </Title>
      {text === null ? (
        <Content component="p">{t('blueprint.previewBlocked')}</Content>
      ) : (
        <CodeBlock>
          <CodeBlockCode id="config-preview">{text || '# (empty)'}</CodeBlockCode>
        </CodeBlock>
      )}
    </section>
  );
}
