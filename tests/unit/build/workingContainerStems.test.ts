import { describe, expect, it } from 'vitest';
import { workingContainerStems } from '../../../src/helper/containerImages/stopPodmanBuild';

describe('the working containers a Containerfile makes', () => {
  it('are named after each FROM image’s last path part, scratch as working-container', () => {
    expect(
      workingContainerStems(
        [
          'FROM --platform=linux/amd64 quay.io/centos-bootc/centos-bootc:stream10 AS base',
          'RUN true',
          'from localhost/bootstick-test/busybox@sha256:abc',
          'FROM scratch',
        ].join('\n'),
      ),
    ).toEqual(['centos-bootc-working-container', 'busybox-working-container', 'working-container']);
  });
});
