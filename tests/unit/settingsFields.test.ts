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
    ['bootTestMemoryMiB', '255', 'tools.settings.bootTestMemoryInvalid'],
    ['bootTestMemoryMiB', '16385', 'tools.settings.bootTestMemoryInvalid'],
    ['bootTestMemoryMiB', '2e3', 'tools.settings.bootTestMemoryInvalid'],
    ['bootTestMemoryMiB', '1.5', 'tools.settings.bootTestMemoryInvalid'],
    ['bootTestMemoryMiB', '', 'tools.settings.bootTestMemoryInvalid'],
    ['bootTestCpus', '0', 'tools.settings.bootTestCpusInvalid'],
    ['bootTestCpus', '9', 'tools.settings.bootTestCpusInvalid'],
    ['bootTestCpus', 'two', 'tools.settings.bootTestCpusInvalid'],
  ] as const)('refuses %s = %j with a reason and leaves it out of the patch', (field, value, reason) => {
    const { patch, errors } = patchOf({ [field]: value });
    expect(errors).toEqual({ [field]: reason });
    expect(patch).toEqual({});
  });

  it('lends a boot test what the person typed, within what this computer can lend', () => {
    // 3000 MiB keeps a quarter (750) for itself: 2250 may be lent.
    const host = { memoryMiB: 3000, cpus: 2 };
    expect(
      patchOf({ bootTestMemoryMiB: ' 2250 ', bootTestCpus: '2', bootTestAccelerator: 'tcg' }, host),
    ).toEqual({
      patch: { bootTestMemoryMiB: 2250, bootTestCpus: 2, bootTestAccelerator: 'tcg' },
      errors: {},
    });
    expect(patchOf({ bootTestMemoryMiB: '2251', bootTestCpus: '3' }, host)).toEqual({
      patch: {},
      errors: {
        bootTestMemoryMiB: 'tools.settings.bootTestMemoryInvalid',
        bootTestCpus: 'tools.settings.bootTestCpusInvalid',
      },
    });
    // A computer that reports no CPUs (some containers do) limits nothing but the VM's own maximum.
    expect(patchOf({ bootTestCpus: '8' }, { memoryMiB: 3000, cpus: 0 }).patch).toEqual({ bootTestCpus: 8 });
  });
});
