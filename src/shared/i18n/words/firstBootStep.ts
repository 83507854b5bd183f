import { bilingual } from './bilingual';

/** The words of the catalogue's `firstBoot` section. */
export const firstBootWords = bilingual({
  en: {
    bootHeading: 'Boot from the stick',
    insert: 'Plug the stick into the computer it is for and switch the computer on.',
    bootMenu:
      'Open the firmware boot menu as it starts (usually F12; F11 on MSI and ASRock, F8 on ASUS, F9 on HP, Esc on some others; hold Option on a Mac) and pick the USB stick.',
    direct: 'The system on the stick starts directly: it is a complete installed system.',
    installer:
      "The installer starts and installs the system onto the computer's disk; remove the stick when it asks.",
    loginHeading: 'Log in',
    sshLabel: 'Log in as {{name}} over SSH',
    fingerprint: 'On the first login, SSH shows the server key; your {{type}} key is {{fingerprint}}.',
    consoleLogin: '{{name}} can also log in at the console with the password set in the blueprint.',
    noLogin: '{{name}} has neither a password nor an SSH key, so cannot log in.',
    noUsers: 'The blueprint adds no users: log in with the accounts the image itself defines.',
    updatesHeading: 'Updates and rollback',
    updatesFrom: 'Updates come from {{image}}: push a new version of it and the system picks it up.',
    yourImage: 'the image you built from',
    status: 'Show the booted, staged and rollback images',
    cannotUpdate:
      '{{image}} is a local name, so the installed system cannot update from it (`bootc upgrade` would ask https://localhost/). Publish the image to a registry and move the machine to that reference with `bootc switch` (below), or build with “updates from”.',
    checkHint:
      'See what an upgrade will download (it fetches only the manifest and config, and lists the layers needed and their size):',
    check: 'Check for an update',
    upgradeHint: 'Download the changed layers, stage the new image, then restart into it:',
    upgrade: 'Upgrade',
    reboot: 'Restart into the new image',
    switchHint: 'When this machine must follow another reference (another registry, another tag):',
    switch: 'Switch to another reference',
    rollbackHint: 'Something wrong after an update? Boot the previous image again:',
    rollback: 'Roll back',
    copy: 'Copy',
    copied: 'Copied',
    copyLabel: 'Copy: {{label}}',
    print: 'Print these instructions',
  },
  ko: {
    bootHeading: '스틱으로 부팅하기',
    insert: '스틱을 쓸 컴퓨터에 꽂고 전원을 켜세요.',
    bootMenu:
      '켜지는 동안 펌웨어 부팅 메뉴를 여세요(보통 F12, MSI·ASRock은 F11, ASUS는 F8, HP는 F9, 일부는 Esc, Mac은 Option 키를 누른 채로). 그리고 USB 스틱을 고르세요.',
    direct: '스틱의 시스템이 바로 시작됩니다. 완전히 설치된 시스템입니다.',
    installer: '설치 프로그램이 시작되어 컴퓨터 디스크에 시스템을 설치합니다. 안내가 나오면 스틱을 빼세요.',
    loginHeading: '로그인',
    sshLabel: 'SSH로 {{name}} 로그인',
    fingerprint: '첫 로그인 때 SSH가 서버 키를 보여 줍니다. 내 {{type}} 키는 {{fingerprint}}입니다.',
    consoleLogin: '{{name}}은(는) 블루프린트에 설정한 비밀번호로 콘솔에서도 로그인할 수 있습니다.',
    noLogin: '{{name}}에게는 비밀번호도 SSH 키도 없어 로그인할 수 없습니다.',
    noUsers: '블루프린트가 사용자를 추가하지 않습니다. 이미지 자체의 계정으로 로그인하세요.',
    updatesHeading: '업데이트와 되돌리기',
    updatesFrom: '업데이트는 {{image}}에서 옵니다. 새 버전을 올리면 시스템이 가져옵니다.',
    yourImage: '빌드에 쓴 이미지',
    status: '부팅된 이미지, 대기 중인 이미지, 되돌릴 이미지 보기',
    cannotUpdate:
      '{{image}}은(는) 로컬 이름이라 설치된 시스템이 여기서 업데이트할 수 없습니다 (`bootc upgrade`가 https://localhost/에 묻게 됩니다). 이미지를 레지스트리에 올리고 `bootc switch`(아래)로 그 참조로 옮기거나, "업데이트 출처"를 주고 빌드하세요.',
    checkHint:
      '업그레이드가 무엇을 내려받을지 봅니다 (매니페스트와 설정만 받아 필요한 레이어와 크기를 보여 줍니다):',
    check: '업데이트 확인',
    upgradeHint: '바뀐 레이어를 내려받아 새 이미지를 준비한 뒤, 그 이미지로 다시 시작합니다:',
    upgrade: '업그레이드',
    reboot: '새 이미지로 다시 시작',
    switchHint: '이 컴퓨터가 다른 참조(다른 레지스트리, 다른 태그)를 따라가야 할 때:',
    switch: '다른 참조로 바꾸기',
    rollbackHint: '업데이트 뒤 문제가 있나요? 이전 이미지로 다시 부팅합니다:',
    rollback: '되돌리기',
    copy: '복사',
    copied: '복사했습니다',
    copyLabel: '복사: {{label}}',
    print: '이 안내 인쇄',
  },
});
