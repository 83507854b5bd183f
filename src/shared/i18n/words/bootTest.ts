import { bilingual } from './bilingual';

/** What each boot-test outcome means, in a person's words. */
export const bootTestWords = bilingual({
  en: {
    outcome: {
      booted: 'Booted: a login prompt appeared on the console.',
      noQemu:
        'QEMU is not installed (qemu-system-x86_64 was not found): install the qemu-system-x86 package.',
      noFirmware:
        'No UEFI firmware for QEMU was found (no firmware descriptor in /usr/share/qemu/firmware or /etc/qemu/firmware): install ovmf (Debian) or edk2-ovmf (Fedora).',
      kvmNotPermitted: 'KVM was asked for, but /dev/kvm cannot be used by this user.',
      noBootDevice: 'The firmware found nothing to boot on the disk (no boot device).',
      kernelPanic: 'The kernel panicked during boot.',
      timedOut: 'No login prompt appeared before the time ran out.',
      cancelled: 'The boot test was cancelled; QEMU was stopped.',
      qemuFailed: 'QEMU stopped before the system booted.',
      loginFailed: 'It booted, but the user could not log in over SSH with the keys in your ssh-agent.',
      checkFailed: 'It booted and the user logged in, but a check did not pass.',
      overlayFull:
        'The system wrote more to its disk than the boot test lends it (a throw-away copy on this computer): it was stopped. The drive was not written.',
      unreadableIso:
        'This looks like an ISO (it has an ISO 9660 mark) but its volume cannot be read: it is truncated or damaged. Nothing was booted.',
      otherArchitecture:
        'This image boots only on arm64 (aarch64) machines (its EFI partition holds BOOTAA64.EFI and no BOOTX64.EFI), and KVM was asked for: KVM runs only this computer’s own architecture, so an arm64 image can only be emulated. Choose automatic or emulation (TCG). Nothing was started.',
      noQemuArm64:
        'This image boots only on arm64 (aarch64) machines (its EFI partition holds BOOTAA64.EFI and no BOOTX64.EFI), and qemu-system-aarch64 was not found: install qemu-system-arm (Debian) or qemu-system-aarch64 (Fedora). Nothing was started.',
      noFirmwareArm64:
        'This image boots only on arm64 (aarch64) machines, and no arm64 UEFI firmware for QEMU was found (no aarch64 firmware descriptor in /usr/share/qemu/firmware or /etc/qemu/firmware): install qemu-efi-aarch64 (Debian) or edk2-aarch64 (Fedora). Nothing was started.',
      otherFilesNamed:
        'This qcow2 image names another file that QEMU would open with it (a backing file or an external data file), and the system in it could read that file. Boot-test the image it is based on, or make it one file first (qemu-img convert -O qcow2). Nothing was started.',
      noRoomToInstall:
        'This unattended install ISO needs room for the blank disk it installs onto, and there is too little free space for it. Nothing was started.',
    },
    /** The same outcomes for an installer ISO, which passes on its installer, not on a login prompt. */
    installer: {
      booted:
        'Booted the installer: anaconda started on the console (an ISO installer, not an installed system).',
      installed:
        'Installed: the unattended install wrote "Install finished" on the console. It installed onto a blank throw-away disk, removed afterwards.',
      timedOut: 'The installer did not start (no "anaconda … started." line) before the time ran out.',
      timedOutInstall: 'The unattended install did not write "Install finished" before the time ran out.',
      kickstart: 'Unattended install: kickstart {{kickstart}} on the ISO writes "Install finished".',
    },
    /** A drive's boot test as its audit report shows it. */
    reportLine: 'Boot test ({{when}}, {{accelerator}}, {{duration}}): {{outcome}}',
    reportLoggedIn: 'SSH login as {{user}}: logged in; {{passed}} of {{total}} commands passed.',
    reportNotLoggedIn: 'SSH login as {{user}}: could not log in.',
    reportCheckFailed: 'Failed: {{command}} (exit status {{code}})',
    acceleratorShort: { kvm: 'KVM', tcg: 'emulated' },
    accelerator: {
      kvm: 'KVM (hardware virtualisation): about as fast as real hardware.',
      tcg: 'Emulation (TCG, no KVM): several times slower than real hardware.',
    },
    /** The start control every place shares: the button, and the SSH login folded under it. */
    start: {
      login: 'Log in over SSH and run checks (optional)',
      loginAs: 'Log in as {{user}} and run checks',
      userLabel: 'Log in as',
      noLogin: 'Do not log in',
      userHint:
        'A user of the blueprint whose SSH key is in your ssh-agent. Once it booted, the test logs in as them and runs bootc status.',
      userNeeded: 'Name the user to log in as: checks run as that user.',
      userBad:
        '"{{name}}" is not a user name a blueprint can have: up to 32 letters, digits, ".", "_" or "-", not starting with "-".',
      checksLabel: 'Checks',
      checksHint:
        'One command per line, at most {{max}}, run as that user after bootc status. A check passes on exit status 0; its output is kept.',
      tooManyChecks: '{{count}} checks: at most {{max}} can be run.',
      checkBad:
        'Line {{line}} is not one line of plain text (no tabs or other control characters, at most 4096 characters).',
      thisImage: 'Boot test this image',
      /** A list of builds names each one's button by its file, the visible words first (WCAG 2.5.3). */
      thisImageNamed: 'Boot test this image: {{target}}',
      oneAtATime: 'A boot test is running: one runs at a time.',
      thisDrive: 'Boot test {{target}}',
    },
    /** What the SSH login found, in the panel. */
    login: {
      heading: 'SSH login as {{user}}',
      loggedIn: 'Logged in over SSH as {{user}} with a key from your ssh-agent.',
      notLoggedIn: 'Could not log in over SSH as {{user}}.',
      banner: 'The SSH server said: {{banner}}',
      passed: 'Passed',
      failed: 'Failed (exit status {{code}})',
      noOutput: '(no output)',
    },
    /** The boot test panel, wherever the test was started. */
    panel: {
      start: 'Boot test {{target}}',
      title: 'Boot test of {{target}}',
      running:
        'Booting in a virtual machine, watching its console for a login prompt (an installer, for an ISO)…',
      acceleratorPending: 'KVM or emulation: decided as QEMU starts.',
      console: 'Serial console',
      cancel: 'Cancel boot test',
      proof: 'Proven by {{proof}}',
      time: 'Time: {{seconds}} s',
      lastLines: 'Last console lines',
      qemuSaid: 'QEMU said: {{detail}}',
      screenHeading: 'Screen at the end',
      screenshot: 'Picture of the virtual machine’s screen at the end of the boot test of {{target}}',
      noScreenshot: 'QEMU gave no picture of the screen.',
      recorded: 'Recorded in audit report {{id}}.',
      notRecorded: 'Not recorded: no audit report of Bootstick vouches for this drive.',
      notStarted: 'The boot test did not run: {{message}}',
      close: 'Close the boot test',
    },
  },
  ko: {
    outcome: {
      booted: '부팅됨: 콘솔에 로그인 프롬프트가 나타났습니다.',
      noQemu:
        'QEMU가 설치되어 있지 않습니다(qemu-system-x86_64를 찾을 수 없음): qemu-system-x86 패키지를 설치하세요.',
      noFirmware:
        'QEMU용 UEFI 펌웨어를 찾을 수 없습니다(/usr/share/qemu/firmware 또는 /etc/qemu/firmware에 펌웨어 설명 파일이 없음): ovmf(Debian) 또는 edk2-ovmf(Fedora)를 설치하세요.',
      kvmNotPermitted: 'KVM을 요청했지만 이 사용자는 /dev/kvm을 사용할 수 없습니다.',
      noBootDevice: '펌웨어가 디스크에서 부팅할 것을 찾지 못했습니다(부팅 장치 없음).',
      kernelPanic: '부팅 중 커널 패닉이 발생했습니다.',
      timedOut: '시간 안에 로그인 프롬프트가 나타나지 않았습니다.',
      cancelled: '부팅 테스트가 취소되었고 QEMU를 중지했습니다.',
      qemuFailed: '시스템이 부팅되기 전에 QEMU가 멈췄습니다.',
      loginFailed: '부팅은 되었지만 ssh-agent에 있는 키로 사용자가 SSH 로그인하지 못했습니다.',
      checkFailed: '부팅되고 사용자가 로그인했지만 확인 항목 하나가 통과하지 못했습니다.',
      overlayFull:
        '시스템이 부팅 테스트가 허용하는 것보다 많이 디스크에 썼습니다(이 컴퓨터의 임시 사본): 중지했습니다. 드라이브에는 쓰지 않았습니다.',
      unreadableIso:
        'ISO처럼 보이지만(ISO 9660 표시가 있음) 볼륨을 읽을 수 없습니다: 잘렸거나 손상되었습니다. 아무것도 부팅하지 않았습니다.',
      otherArchitecture:
        '이 이미지는 arm64(aarch64) 컴퓨터에서만 부팅되는데(EFI 파티션에 BOOTX64.EFI 없이 BOOTAA64.EFI만 있음) KVM을 요청했습니다. KVM은 이 컴퓨터와 같은 아키텍처만 실행하므로 arm64 이미지는 에뮬레이션으로만 부팅할 수 있습니다. 자동 또는 에뮬레이션(TCG)을 고르세요. 아무것도 시작하지 않았습니다.',
      noQemuArm64:
        '이 이미지는 arm64(aarch64) 컴퓨터에서만 부팅되는데(EFI 파티션에 BOOTX64.EFI 없이 BOOTAA64.EFI만 있음) qemu-system-aarch64를 찾을 수 없습니다: qemu-system-arm(Debian) 또는 qemu-system-aarch64(Fedora) 패키지를 설치하세요. 아무것도 시작하지 않았습니다.',
      noFirmwareArm64:
        '이 이미지는 arm64(aarch64) 컴퓨터에서만 부팅되는데 QEMU용 arm64 UEFI 펌웨어를 찾을 수 없습니다(/usr/share/qemu/firmware 또는 /etc/qemu/firmware에 aarch64 펌웨어 설명 파일이 없음): qemu-efi-aarch64(Debian) 또는 edk2-aarch64(Fedora)를 설치하세요. 아무것도 시작하지 않았습니다.',
      otherFilesNamed:
        '이 qcow2 이미지는 QEMU가 함께 열 다른 파일(백킹 파일 또는 외부 데이터 파일)을 가리키며, 그 안의 시스템이 그 파일을 읽을 수 있습니다. 바탕이 된 이미지를 부팅 테스트하거나 먼저 하나의 파일로 만드세요(qemu-img convert -O qcow2). 아무것도 시작하지 않았습니다.',
      noRoomToInstall:
        '이 무인 설치 ISO는 설치할 빈 디스크를 위한 공간이 필요한데 여유 공간이 너무 적습니다. 아무것도 시작하지 않았습니다.',
    },
    installer: {
      booted:
        '설치 프로그램 부팅됨: 콘솔에서 anaconda가 시작되었습니다(설치된 시스템이 아닌 ISO 설치 프로그램).',
      installed:
        '설치됨: 무인 설치가 콘솔에 "Install finished"를 썼습니다. 빈 임시 디스크에 설치했고, 끝난 뒤 지웠습니다.',
      timedOut: '시간 안에 설치 프로그램이 시작되지 않았습니다("anaconda … started." 줄 없음).',
      timedOutInstall: '시간 안에 무인 설치가 "Install finished"를 쓰지 않았습니다.',
      kickstart: '무인 설치: ISO의 킥스타트 {{kickstart}}가 "Install finished"를 씁니다.',
    },
    reportLine: '부팅 테스트({{when}}, {{accelerator}}, {{duration}}): {{outcome}}',
    reportLoggedIn: '{{user}}(으)로 SSH 로그인: 로그인함, 명령 {{total}}개 중 {{passed}}개 통과.',
    reportNotLoggedIn: '{{user}}(으)로 SSH 로그인: 로그인하지 못함.',
    reportCheckFailed: '실패: {{command}}(종료 상태 {{code}})',
    acceleratorShort: { kvm: 'KVM 가속', tcg: '에뮬레이션' },
    accelerator: {
      kvm: 'KVM(하드웨어 가상화): 실제 하드웨어와 비슷한 속도입니다.',
      tcg: '에뮬레이션(TCG, KVM 없음): 실제 하드웨어보다 몇 배 느립니다.',
    },
    start: {
      login: 'SSH로 로그인하고 확인 항목 실행(선택)',
      loginAs: '{{user}}(으)로 로그인하고 확인 항목 실행',
      userLabel: '로그인할 사용자',
      noLogin: '로그인하지 않음',
      userHint:
        'ssh-agent에 SSH 키가 있는 블루프린트 사용자입니다. 부팅되면 이 사용자로 로그인하여 bootc status를 실행합니다.',
      userNeeded: '로그인할 사용자를 입력하세요: 확인 항목은 그 사용자로 실행됩니다.',
      userBad:
        '"{{name}}"은(는) 블루프린트 사용자 이름으로 쓸 수 없습니다: 영문자, 숫자, ".", "_", "-"로 32자까지, "-"로 시작할 수 없습니다.',
      checksLabel: '확인 항목',
      checksHint:
        '한 줄에 명령 하나, 최대 {{max}}개. bootc status 다음에 그 사용자로 실행합니다. 종료 상태 0이면 통과이며 출력은 보관됩니다.',
      tooManyChecks: '확인 항목 {{count}}개: 최대 {{max}}개까지 실행할 수 있습니다.',
      checkBad: '{{line}}번째 줄은 한 줄의 일반 텍스트가 아닙니다(탭 등 제어 문자 불가, 최대 4096자).',
      thisImage: '이 이미지 부팅 테스트',
      thisImageNamed: '이 이미지 부팅 테스트: {{target}}',
      oneAtATime: '부팅 테스트가 실행 중입니다: 한 번에 하나만 실행됩니다.',
      thisDrive: '{{target}} 부팅 테스트',
    },
    login: {
      heading: '{{user}}(으)로 SSH 로그인',
      loggedIn: 'ssh-agent의 키로 {{user}}(으)로 SSH 로그인했습니다.',
      notLoggedIn: '{{user}}(으)로 SSH 로그인하지 못했습니다.',
      banner: 'SSH 서버 응답: {{banner}}',
      passed: '통과',
      failed: '실패(종료 상태 {{code}})',
      noOutput: '(출력 없음)',
    },
    panel: {
      start: '{{target}} 부팅 테스트',
      title: '{{target}} 부팅 테스트',
      running: '가상 머신에서 부팅하는 중, 콘솔에서 로그인 프롬프트(ISO라면 설치 프로그램)를 기다리는 중…',
      acceleratorPending: 'KVM 또는 에뮬레이션: QEMU가 시작될 때 정해집니다.',
      console: '시리얼 콘솔',
      cancel: '부팅 테스트 취소',
      proof: '증명: {{proof}}',
      time: '시간: {{seconds}}초',
      lastLines: '콘솔의 마지막 줄',
      qemuSaid: 'QEMU 메시지: {{detail}}',
      screenHeading: '마지막 화면',
      screenshot: '{{target}} 부팅 테스트가 끝날 때의 가상 머신 화면',
      noScreenshot: 'QEMU가 화면 그림을 주지 않았습니다.',
      recorded: '감사 보고서 {{id}}에 기록했습니다.',
      notRecorded: '기록하지 않음: 이 드라이브를 보증하는 Bootstick 감사 보고서가 없습니다.',
      notStarted: '부팅 테스트를 실행하지 않았습니다: {{message}}',
      close: '부팅 테스트 닫기',
    },
  },
});
