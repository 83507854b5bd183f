import { create } from 'zustand';

/** The wizard's steps, in order. */
export const STEPS = ['image', 'blueprint', 'build', 'flash', 'firstBoot'] as const;
export type StepId = (typeof STEPS)[number];

interface WizardState {
  step: StepId;
  goTo(step: StepId): void;
}

export const useWizardStore = create<WizardState>((set) => ({
  step: 'image',
  goTo: (step) => set({ step }),
}));
