import { describe, expect, it } from 'vitest';
import { electronFileChooser, fileDialogOptions } from '../../../src/main/dialogs/fileDialog';

describe('fileDialogOptions', () => {
  it('opens a file for a disk image, filtered to what flash takes, titled in the app language', () => {
    const options = fileDialogOptions('diskImage', 'en');
    expect(options.properties).toEqual(['openFile']);
    expect(options.title).toBe('Choose a disk image file');
    expect(options.filters?.[0]?.extensions).toEqual(['raw', 'img', 'iso', 'xz', 'gz', 'bz2', 'zip']);
    expect(fileDialogOptions('diskImage', 'ko').title).toBe('디스크 이미지 파일 고르기');
  });

  it('opens a folder for a build context and a file for a Containerfile', () => {
    expect(fileDialogOptions('buildContext', 'en').properties).toEqual(['openDirectory']);
    expect(fileDialogOptions('containerfile', 'en').properties).toEqual(['openFile']);
  });
});

describe('electronFileChooser', () => {
  const window = {} as never;
  it('answers the chosen path, or null when the person cancelled', async () => {
    const calls: unknown[][] = [];
    let answer = { canceled: false, filePaths: ['/home/ada/disk.raw'] };
    const dialog = {
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args);
        return answer;
      },
    } as never;
    const choose = electronFileChooser(
      dialog,
      () => window,
      () => 'en',
    );
    expect(await choose('diskImage')).toBe('/home/ada/disk.raw');
    // Modal to the app's window.
    expect(calls[0]?.[0]).toBe(window);
    answer = { canceled: true, filePaths: [] };
    expect(await choose('diskImage')).toBeNull();
  });
});
