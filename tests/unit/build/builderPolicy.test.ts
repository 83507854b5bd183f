import { describe, expect, it } from 'vitest';
import {
  builderAllowed,
  DEFAULT_BUILDERS,
  namesBuilderRepository,
  parseBuildersConf,
  splitImageRef,
} from '../../../src/shared/diskImages/builderPolicy';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('which builder images root allows', () => {
  it('reads one name per line, comments and blank lines skipped', () => {
    expect(
      parseBuildersConf(
        '# mine\nquay.io/centos-bootc/bootc-image-builder\n\n  localhost/bib:2  # pinned tag\n',
      ),
    ).toEqual(['quay.io/centos-bootc/bootc-image-builder', 'localhost/bib:2']);
  });

  it('lets a name without a tag allow every tag and digest of that repository, and nothing else', () => {
    const allowed = DEFAULT_BUILDERS;
    for (const ref of [
      'quay.io/centos-bootc/bootc-image-builder',
      'quay.io/centos-bootc/bootc-image-builder:latest',
      `quay.io/centos-bootc/bootc-image-builder@${DIGEST}`,
      `quay.io/centos-bootc/bootc-image-builder:latest@${DIGEST}`,
    ]) {
      expect(builderAllowed(ref, allowed), ref).toBe(true);
    }
    for (const ref of [
      'localhost/evil:1',
      'quay.io/centos-bootc/bootc-image-builder-evil:latest',
      'quay.io/centos-bootc/bootc-image-builde:latest',
      'example.com/quay.io/centos-bootc/bootc-image-builder:latest',
      'a'.repeat(64),
    ]) {
      expect(builderAllowed(ref, allowed), ref).toBe(false);
    }
  });

  it('lets a name with a tag allow that tag only', () => {
    expect(builderAllowed('localhost/bib:2', ['localhost/bib:2'])).toBe(true);
    expect(builderAllowed('localhost/bib:3', ['localhost/bib:2'])).toBe(false);
    expect(builderAllowed('localhost/bib', ['localhost/bib:2'])).toBe(false);
  });

  it('tells a registry port from a tag', () => {
    expect(splitImageRef('registry.local:5000/bib')).toEqual({
      repository: 'registry.local:5000/bib',
      tag: null,
      digest: null,
    });
    expect(splitImageRef('registry.local:5000/bib:1')?.tag).toBe('1');
  });

  it('knows a builder’s repository whatever the tag a container build would give it', () => {
    expect(namesBuilderRepository('localhost/bib:evil', ['localhost/bib:2'])).toBe(true);
    expect(namesBuilderRepository('localhost/other:1', ['localhost/bib'])).toBe(false);
  });
});
