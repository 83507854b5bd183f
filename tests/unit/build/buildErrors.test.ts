import { describe, expect, it } from 'vitest';
import {
  BUILD_ERROR_TEXT,
  BuildErrorCodeSchema,
  BuildErrorSchema,
  describeBuildError,
} from '../../../src/shared/diskImages/buildErrors';
import { BuildProgressSchema, isFinalBuildPhase } from '../../../src/shared/diskImages/buildProgress';

describe('build errors', () => {
  it('give every code a message and a fix a person can act on', () => {
    for (const code of BuildErrorCodeSchema.options) {
      const { message, fix } = BUILD_ERROR_TEXT[code];
      expect(message.length, code).toBeGreaterThan(15);
      expect(fix.length, code).toBeGreaterThan(15);
      expect(message, code).toMatch(/\.$/);
      expect(fix, code).toMatch(/\.$/);
    }
  });

  it('describe an error with bib’s words as the detail, or none', () => {
    expect(BuildErrorSchema.parse(describeBuildError('noSpaceLeft', 'cp: No space left on device'))).toEqual({
      code: 'noSpaceLeft',
      message: BUILD_ERROR_TEXT.noSpaceLeft.message,
      fix: BUILD_ERROR_TEXT.noSpaceLeft.fix,
      detail: 'cp: No space left on device',
    });
    expect(describeBuildError('cancelled', '').detail).toBeNull();
  });
});

describe('BuildProgressSchema', () => {
  it('accepts a stage-level event and refuses a fraction outside 0..1', () => {
    const event = {
      buildId: 'build-1',
      phase: 'building',
      stage: { index: 3, total: 12, name: 'org.osbuild.truncate', pipeline: 'image' },
      fraction: 0.35,
      message: 'org.osbuild.truncate (pipeline image)',
    };
    expect(BuildProgressSchema.parse(event)).toEqual(event);
    expect(BuildProgressSchema.safeParse({ ...event, fraction: 1.2 }).success).toBe(false);
    expect(BuildProgressSchema.safeParse({ ...event, phase: 'compiling' }).success).toBe(false);
  });

  it('knows which phases end a build', () => {
    expect(
      ['done', 'failed', 'cancelled', 'building', 'finishing'].map((phase) =>
        isFinalBuildPhase(phase as never),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});
