import { describe, expect, it } from 'vitest';
import { PushRequestSchema } from '../../../src/shared/updates/pushImage';

const valid = {
  jobId: 'push-1',
  image: 'localhost/os:2',
  destination: '127.0.0.1:5000/org/os:2',
  insecure: true,
};

describe('what the helper takes as a push', () => {
  it('takes a local image, a registry reference with a tag, a moving tag and an auth file path', () => {
    expect(
      PushRequestSchema.parse({
        ...valid,
        movingTag: 'stable',
        authFile: '/home/a/.config/containers/auth.json',
      }),
    ).toMatchObject(valid);
  });

  it.each([
    ['a destination without a tag', { destination: '127.0.0.1:5000/org/os' }],
    ['a destination without a registry', { destination: 'org/os:2' }],
    ['a destination pinned by digest', { destination: `q.io/os:2@sha256:${'a'.repeat(64)}` }],
    ['an image that is an option', { image: '--authfile=/etc/shadow' }],
    ['a moving tag with a slash', { movingTag: 'a/b' }],
    ['a relative auth file', { authFile: 'auth.json' }],
    ['argv of its own', { args: ['--tls-verify=false'] }],
  ])('refuses %s', (_, change) => {
    expect(PushRequestSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
