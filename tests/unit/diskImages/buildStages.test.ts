import { describe, expect, it } from 'vitest';
import { buildStageStates } from '../../../src/renderer/components/diskImages/buildStages';

const states = (...args: Parameters<typeof buildStageStates>) => Object.values(buildStageStates(...args));

describe('the build stages the Build step lists', () => {
  it('marks the running stage, those before as passed and those after as not yet', () => {
    expect(states('building', 'building')).toEqual(['passed', 'passed', 'passed', 'current', 'pending']);
    expect(states('preflight', null)).toEqual(['current', 'pending', 'pending', 'pending', 'pending']);
  });

  it('says where a failed or cancelled build stopped, and that nothing after it ran', () => {
    expect(states('failed', 'manifest')).toEqual(['passed', 'passed', 'failed', 'pending', 'pending']);
    expect(states('cancelled', 'building')).toEqual(['passed', 'passed', 'passed', 'cancelled', 'pending']);
    expect(states('failed', null)).toEqual(['failed', 'pending', 'pending', 'pending', 'pending']);
  });

  it('shows every stage passed once the build is done', () => {
    expect(states('done', 'finishing')).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
  });
});
