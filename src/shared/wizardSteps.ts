import { z } from 'zod';

/** The wizard's steps, in order: the step navigation shows them so, and a draft names one. */
export const WizardStepSchema = z.enum(['image', 'blueprint', 'build', 'flash', 'firstBoot']);
export type StepId = z.infer<typeof WizardStepSchema>;
