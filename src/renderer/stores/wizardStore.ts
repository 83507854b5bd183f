import { create } from 'zustand';
import { type StepId, WizardStepSchema } from '../../shared/wizardSteps';

/** The wizard's steps, in order. */
export const STEPS = WizardStepSchema.options;
export type { StepId };

/** The standalone tools, reachable from any step; opening one leaves the wizard's step as it was. */
export const TOOLS = ['verify', 'update', 'station', 'profiles', 'history', 'settings'] as const;
export type ToolId = (typeof TOOLS)[number];

interface WizardState {
  step: StepId;
  /** The tool page shown instead of the step, or null while the step is shown. */
  tool: ToolId | null;
  goTo(step: StepId): void;
  openTool(tool: ToolId): void;
}

export const useWizardStore = create<WizardState>((set) => ({
  step: 'image',
  tool: null,
  goTo: (step) => set({ step, tool: null }),
  openTool: (tool) => set({ tool }),
}));
