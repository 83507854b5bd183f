import { describe, expect, it } from 'vitest';
import { parseImageSpec, repositoryOf, tagOf } from '../../../src/shared/updates/imageSpec';
import { isIndex, manifestForArchitecture } from '../../../src/shared/updates/pickManifest';
import { classifyRegistryFailure, failureDetail } from '../../../src/shared/updates/registryFailure';

describe('where an image is read from', () => {
  it('follows skopeo’s prefixes and looks a bare name up locally first', () => {
    expect(parseImageSpec('docker://127.0.0.1:5000/os:2')).toEqual({
      where: 'registry',
      ref: '127.0.0.1:5000/os:2',
    });
    expect(parseImageSpec('containers-storage:localhost/os:1')).toEqual({
      where: 'local',
      ref: 'localhost/os:1',
    });
    expect(parseImageSpec('quay.io/x/os:1')).toEqual({ where: 'either', ref: 'quay.io/x/os:1' });
  });

  it('refuses what is no image reference (an option, a path, a space)', () => {
    expect(parseImageSpec('--authfile=/etc/shadow')).toBeNull();
    expect(parseImageSpec('docker://../x')).toBeNull();
    expect(parseImageSpec('a b')).toBeNull();
  });

  it('splits repository and tag, a registry port being no tag', () => {
    expect(repositoryOf('127.0.0.1:5000/org/os:2')).toBe('127.0.0.1:5000/org/os');
    expect(repositoryOf('127.0.0.1:5000/org/os')).toBe('127.0.0.1:5000/org/os');
    expect(repositoryOf(`q.io/os@sha256:${'a'.repeat(64)}`)).toBe('q.io/os');
    expect(tagOf('127.0.0.1:5000/org/os:2')).toBe('2');
    expect(tagOf('127.0.0.1:5000/org/os')).toBeNull();
  });
});

describe('multi-architecture indexes', () => {
  const index = {
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: 'sha256:arm', platform: { architecture: 'arm64', os: 'linux' } },
      { digest: 'sha256:amd', platform: { architecture: 'amd64', os: 'linux' } },
    ],
  };
  it('resolves to the host architecture’s manifest', () => {
    expect(isIndex(index)).toBe(true);
    expect(isIndex({ mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] })).toBe(false);
    expect(manifestForArchitecture(index, 'amd64')).toBe('sha256:amd');
    expect(manifestForArchitecture(index, 'arm64')).toBe('sha256:arm');
    expect(manifestForArchitecture(index, 's390x')).toBeNull();
  });
});

describe('registry failures, as containers/image words them', () => {
  it.each([
    ['reading manifest v9 in r/os: manifest unknown: manifest unknown', 'notFound'],
    ['Get "https://127.0.0.1:5915/v2/": http: server gave HTTP response to HTTPS client', 'tls'],
    ['x509: certificate signed by unknown authority', 'tls'],
    ['dial tcp 127.0.0.1:5999: connect: connection refused', 'unreachable'],
    ['authentication required', 'unauthorized'],
    ['unauthorized: authentication required', 'unauthorized'],
    ['something else entirely', 'other'],
    // A registry whose port has 401 in it is no refusal of credentials (seen in CI: port 40167).
    [
      'reading manifest missing in 127.0.0.1:40167/bootstick-test/os: manifest unknown: manifest unknown',
      'notFound',
    ],
    ['dial tcp 127.0.0.1:4010: connect: connection refused', 'unreachable'],
    ['received unexpected HTTP status: 401 Unauthorized', 'unauthorized'],
    ['unexpected http code: 401, URL: https://r/v2/', 'unauthorized'],
  ])('%s → %s', (stderr, reason) => {
    expect(classifyRegistryFailure(stderr)).toBe(reason);
  });

  it('keeps the message, not logrus’s frame', () => {
    expect(failureDetail('time="x" level=fatal msg="reading \\"a\\": manifest unknown"')).toBe(
      'reading "a": manifest unknown',
    );
  });
});
