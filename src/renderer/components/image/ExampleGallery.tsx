import {
  Button,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  CardTitle,
  Gallery,
  Title,
} from '@patternfly/react-core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useImageBuildStore } from '../../stores/imageBuildStore';

/** The example Containerfiles the app ships, as cards; using one fills the build form with a copy of it. */
export function ExampleGallery() {
  const { t } = useTranslation();
  const { examples, exampleDir, contextDir, loadExamples, chooseExample } = useImageBuildStore();
  useEffect(() => {
    void loadExamples();
  }, [loadExamples]);
  if (examples.length === 0) return null;
  return (
    <section aria-labelledby="example-gallery-title">
      <Title headingLevel="h3" id="example-gallery-title">
        {t('image.build.gallery')}
      </Title>
      <Gallery hasGutter minWidths={{ default: '16rem' }} maxWidths={{ default: '24rem' }}>
        {examples.map((example) => {
          const title = t(`image.build.examples.${example.id}.title`, { defaultValue: example.id });
          return (
            <Card key={example.id} isCompact aria-labelledby={`example-${example.id}-title`}>
              <CardHeader>
                <CardTitle id={`example-${example.id}-title`}>{title}</CardTitle>
              </CardHeader>
              <CardBody>{t(`image.build.examples.${example.id}.description`, { defaultValue: '' })}</CardBody>
              <CardFooter>
                <Button
                  variant="secondary"
                  aria-label={`${t('image.build.useExample')}: ${title}`}
                  onClick={() => void chooseExample(example.id)}
                >
                  {t('image.build.useExample')}
                </Button>
              </CardFooter>
            </Card>
          );
        })}
      </Gallery>
      {exampleDir !== null && exampleDir === contextDir ? (
        <p>{t('image.build.exampleCopied', { path: exampleDir })}</p>
      ) : null}
    </section>
  );
}
