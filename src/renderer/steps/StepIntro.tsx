import { Content, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../stores/wizardStore';

/** The heading and one-line purpose of a step. */
export function StepIntro({ step }: { step: StepId }) {
  const { t } = useTranslation();
  return (
    <Content>
      <Title headingLevel="h2" id="step-title">
        {t(`steps.${step}.title`)}
      </Title>
      <p>{t(`steps.${step}.intro`)}</p>
    </Content>
  );
}
