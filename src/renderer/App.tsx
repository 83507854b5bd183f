import { Page, PageSection } from '@patternfly/react-core';
import { AppMasthead } from './components/AppMasthead';
import { JobSummary } from './components/JobSummary';
import { StepNav } from './components/StepNav';
import { WindowDrop } from './components/WindowDrop';
import { BlueprintStep } from './steps/BlueprintStep';
import { BuildStep } from './steps/BuildStep';
import { FirstBootStep } from './steps/FirstBootStep';
import { FlashStep } from './steps/FlashStep';
import { ImageStep } from './steps/ImageStep';
import { StepIntro } from './steps/StepIntro';
import { useWizardStore } from './stores/wizardStore';
import { ToolPage } from './tools/ToolPage';

/** The app frame: masthead, the wizard's steps in the sidebar, the current step's page. */
export function App() {
  // While a tool is open no step is shown; the wizard's step is kept for when it is closed.
  const step = useWizardStore((state) => (state.tool ? null : state.step));
  const tool = useWizardStore((state) => state.tool);
  return (
    <Page masthead={<AppMasthead />} sidebar={<StepNav />} isManagedSidebar={false}>
      <PageSection aria-labelledby="step-title">
        {tool && <ToolPage tool={tool} />}
        {step && <JobSummary />}
        {step && <StepIntro step={step} />}
        {step === 'image' && <ImageStep />}
        {step === 'blueprint' && <BlueprintStep />}
        {step === 'build' && <BuildStep />}
        {step === 'flash' && <FlashStep />}
        {step === 'firstBoot' && <FirstBootStep />}
      </PageSection>
      <WindowDrop />
    </Page>
  );
}
