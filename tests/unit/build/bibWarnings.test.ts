import { describe, expect, it } from 'vitest';
import { bibWarning } from '../../../src/core/diskImages/bibOutput/bibWarnings';

describe("bib's warnings, in plain words", () => {
  it('names a customization the image type ignores, even when bib’s next line shares its line', () => {
    expect(
      bibWarning(
        'blueprint validation failed for image type "raw": customizations.hostname: not supportedManifest generation step',
      ),
    ).toBe('customizations.hostname is not supported for raw images: bootc-image-builder ignores it.');
  });

  it('passes bib’s own WARNING lines on, timestamped or not', () => {
    expect(
      bibWarning('WARNING: --local is now the default behavior, you can remove it from the command line'),
    ).toBe('--local is now the default behavior, you can remove it from the command line');
    expect(bibWarning('2026/01/14 10:00:00 WARNING: target-arch is experimental')).toBe(
      'target-arch is experimental',
    );
  });

  it('ignores every other line', () => {
    for (const line of ['Build complete!', 'org.osbuild.rpm: 1234 {', '', 'warning in a stage output']) {
      expect(bibWarning(line)).toBeNull();
    }
  });
});
