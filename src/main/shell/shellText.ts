import type { Language } from '../../shared/settings';

/** The words of the native menu and dialogs, which main draws itself (the renderer has its own i18n). */
export interface ShellText {
  file: string;
  edit: string;
  view: string;
  help: string;
  openLogs: string;
  about: string;
  aboutTitle: string;
  podmanMissing: string;
  bibImage: string;
  bibDigest: string;
  bibNotPinned: string;
  ok: string;
  flashingTitle: string;
  flashingMessage: (count: number) => string;
  flashingDetail: string;
  keepFlashing: string;
  stopAndQuit: string;
  flashDoneTitle: string;
  verifyDoneTitle: string;
  flashRefusedTitle: string;
  drivesOutcome: (good: number, total: number) => string;
  buildDoneTitle: string;
  buildFailedTitle: string;
  imageBuildDoneTitle: string;
  imageBuildFailedTitle: string;
}

const en: ShellText = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  help: '&Help',
  openLogs: 'Open Logs Folder',
  about: 'About Bootstick',
  aboutTitle: 'About Bootstick',
  podmanMissing: 'not found (install podman to build images)',
  bibImage: 'bootc-image-builder image',
  bibDigest: 'pinned digest',
  bibNotPinned: 'not pinned yet (pinned on first build)',
  ok: 'OK',
  flashingTitle: 'A flash is running',
  flashingMessage: (count) =>
    count === 1 ? 'A drive is still being written.' : `${count} flash jobs are still writing drives.`,
  flashingDetail:
    'Quitting now stops the writing: a drive left half-written will not boot until it is flashed again.',
  keepFlashing: 'Keep Flashing',
  stopAndQuit: 'Stop and Quit',
  flashDoneTitle: 'Flashing finished',
  verifyDoneTitle: 'Verification finished',
  flashRefusedTitle: 'Nothing was written',
  drivesOutcome: (good, total) =>
    good === total
      ? `${total === 1 ? 'The drive is' : `All ${total} drives are`} done and correct.`
      : `${total - good} of ${total} drives failed. Open Bootstick to see why.`,
  buildDoneTitle: 'Build finished',
  buildFailedTitle: 'Build failed',
  imageBuildDoneTitle: 'Image built',
  imageBuildFailedTitle: 'Image build failed',
};

const ko: ShellText = {
  file: '파일(&F)',
  edit: '편집(&E)',
  view: '보기(&V)',
  help: '도움말(&H)',
  openLogs: '로그 폴더 열기',
  about: 'Bootstick 정보',
  aboutTitle: 'Bootstick 정보',
  podmanMissing: '없음 (이미지를 빌드하려면 podman을 설치하세요)',
  bibImage: 'bootc-image-builder 이미지',
  bibDigest: '고정된 다이제스트',
  bibNotPinned: '아직 고정되지 않음 (첫 빌드 때 고정)',
  ok: '확인',
  flashingTitle: '굽기가 진행 중입니다',
  flashingMessage: (count) =>
    count === 1 ? '드라이브를 아직 쓰고 있습니다.' : `굽기 작업 ${count}개가 아직 드라이브를 쓰고 있습니다.`,
  flashingDetail: '지금 끝내면 쓰기가 멈춥니다. 반쯤 쓰인 드라이브는 다시 구울 때까지 부팅되지 않습니다.',
  keepFlashing: '계속 굽기',
  stopAndQuit: '멈추고 끝내기',
  flashDoneTitle: '굽기가 끝났습니다',
  verifyDoneTitle: '검증이 끝났습니다',
  flashRefusedTitle: '아무것도 쓰지 않았습니다',
  drivesOutcome: (good, total) =>
    good === total
      ? `${total === 1 ? '드라이브가' : `드라이브 ${total}개 모두`} 올바르게 끝났습니다.`
      : `드라이브 ${total}개 중 ${total - good}개가 실패했습니다. 이유는 Bootstick에서 확인하세요.`,
  buildDoneTitle: '빌드가 끝났습니다',
  buildFailedTitle: '빌드가 실패했습니다',
  imageBuildDoneTitle: '이미지를 빌드했습니다',
  imageBuildFailedTitle: '이미지 빌드가 실패했습니다',
};

export const shellText = (language: Language): ShellText => (language === 'ko' ? ko : en);
