import { describe, expect, it } from 'vitest';
import { fieldsOf, patchOf } from '../../src/renderer/tools/settingsFields';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

describe('the Settings form fields', () => {
  it('shows sizes in GB and the default output folder as empty', () => {
    expect(fieldsOf(DEFAULT_SETTINGS)).toMatchObject({ thresholdGb: '300', buildOutputDir: '' });
  });

  it('turns only the edited fields into a patch, in the units main keeps', () => {
    expect(
      patchOf({
        thresholdGb: '64',
        buildOutputDir: ' /srv/builds ',
        bibImage: 'quay.io/x/bib:1',
        theme: 'dark',
      }),
    ).toEqual({
      patch: {
        largeDriveThresholdBytes: 64e9,
        buildOutputDir: '/srv/builds',
        bibImage: 'quay.io/x/bib:1',
        theme: 'dark',
      },
      errors: {},
    });
    expect(patchOf({ buildOutputDir: '' }).patch).toEqual({ buildOutputDir: null });
    expect(patchOf({ thresholdGb: '0,5' }).patch).toEqual({ largeDriveThresholdBytes: 5e8 });
  });

  it.each([
    ['bibImage', 'Not An Image!', 'tools.settings.bibImageInvalid'],
    ['thresholdGb', '0', 'tools.settings.thresholdInvalid'],
    ['thresholdGb', '', 'tools.settings.thresholdInvalid'],
    ['thresholdGb', 'lots', 'tools.settings.thresholdInvalid'],
    ['buildOutputDir', 'builds', 'tools.settings.outputDirInvalid'],
  ] as const)('refuses %s = %j with a reason and leaves it out of the patch', (field, value, reason) => {
    const { patch, errors } = patchOf({ [field]: value });
    expect(errors).toEqual({ [field]: reason });
    expect(patch).toEqual({});
  });
});
