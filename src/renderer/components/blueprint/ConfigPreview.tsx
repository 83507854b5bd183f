import { CodeBlock, CodeBlockCode, Content, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';

/**
 * The exact config.toml bib will get, passwords as hashes, refreshed as the form changes (the
 * toolbar above the form downloads the same text).
 */
export function ConfigPreview({ text }: { text: string | null }) {
  const { t } = useTranslation();
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
