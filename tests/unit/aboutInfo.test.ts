import { describe, expect, it } from 'vitest';
import { aboutDetail, gatherAboutInfo, podmanVersion } from '../../src/main/shell/aboutInfo';
import { shellText } from '../../src/main/shell/shellText';

const versions = {
  ...process.versions,
  electron: '45.5.0',
  chrome: '142.0.7444.0',
} as NodeJS.ProcessVersions;

describe('About', () => {
  it('shows the app, Electron, podman and the bib image it will run', async () => {
    const info = await gatherAboutInfo({
      appVersion: '0.1.0',
      versions,
      settings: { bibImage: 'quay.io/centos-bootc/bootc-image-builder:latest', bibImageDigest: 'sha256:abc' },
      run: async (command, args) => {
        expect([command, ...args]).toEqual(['podman', '--version']);
        return 'podman version 4.3.1\n';
      },
    });
    expect(info).toMatchObject({ app: '0.1.0', electron: '45.5.0', podman: '4.3.1' });
    const detail = aboutDetail(info, shellText('en'));
    expect(detail.split('\n')).toEqual([
      'Bootstick 0.1.0',
      `Electron 45.5.0 (Chromium 142.0.7444.0, Node ${process.versions.node})`,
      'podman 4.3.1',
      'bootc-image-builder image: quay.io/centos-bootc/bootc-image-builder:latest',
      'pinned digest: sha256:abc',
    ]);
  });

  it('tolerates podman being absent, and a bib image not pinned yet', async () => {
    const missing = Object.assign(new Error('spawn podman ENOENT'), { code: 'ENOENT' });
    expect(await podmanVersion(async () => Promise.reject(missing))).toBeNull();
    const info = await gatherAboutInfo({
      appVersion: '0.1.0',
      versions,
      settings: { bibImage: 'localhost/bib:1', bibImageDigest: null },
      run: async () => Promise.reject(missing),
    });
    const detail = aboutDetail(info, shellText('en'));
    expect(detail).toContain('podman not found');
    expect(detail).toContain('pinned digest: not pinned yet');
    expect(aboutDetail(info, shellText('ko'))).toContain('podman 없음');
  });
});
