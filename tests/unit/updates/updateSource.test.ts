import { describe, expect, it } from 'vitest';
import { isTrackableReference } from '../../../src/shared/updates/updateSource';

describe('a reference an installed system can update from', () => {
  it.each(['quay.io/org/os:stable', '127.0.0.1:5000/org/os:2', 'registry.example.com:8443/os:latest'])(
    '%s is trackable',
    (ref) => {
      expect(isTrackableReference(ref)).toBe(true);
    },
  );

  it.each([
    ['localhost/my-os:1', 'bootc would ask https://localhost/v2/'],
    ['localhost:5000/my-os:1', 'localhost again'],
    [`quay.io/org/os@sha256:${'a'.repeat(64)}`, 'a digest never moves'],
    ['0123456789abcdef', 'an image id'],
    ['quay.io/org/os', 'no tag to follow'],
    ['org/os:1', 'no registry'],
    ['--tls-verify=false', 'not a reference'],
  ])('%s is not (%s)', (ref) => {
    expect(isTrackableReference(ref)).toBe(false);
  });
});
