import { Page, PageSection } from '@patternfly/react-core';
import { AppMasthead } from './components/AppMasthead';
import { StepNav } from './components/StepNav';
import { BlueprintStep } from './steps/BlueprintStep';
import { BuildStep } from './steps/BuildStep';
import { FlashStep } from './steps/FlashStep';
import { ImageStep } from './steps/ImageStep';
import { StepIntro } from './steps/StepIntro';
import { useWizardStore } from './stores/wizardStore';

/** The app frame: masthead, the wizard's steps in the sidebar, the current step's page. */
export function App() {
  const step = useWizardStore((state) => state.step);
  return (
    <Page masthead={<AppMasthead />} sidebar={<StepNav />} isManagedSidebar={false}>
      <PageSection aria-labelledby="step-title">
        <StepIntro step={step} />
        {step === 'image' && <ImageStep />}
        {step === 'blueprint' && <BlueprintStep />}
        {step === 'build' && <BuildStep />}
        {step === 'flash' && <FlashStep />}
      </PageSection>
    </Page>
  );
}
