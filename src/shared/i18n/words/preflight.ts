import { bilingual } from './bilingual';

/** The build's checklist before bib runs (core/diskImages/preflight.ts makes its English from these). */
export const preflightWords = bilingual({
  en: {
    podmanMissing: 'podman is not installed.',
    podmanBroken: 'podman does not work: {{problem}}',
    podmanWorks: 'podman {{version}} works.',
    rootful: 'podman runs as root.',
    rootless: 'podman runs rootless; bootc-image-builder needs rootful podman.',
    sourcePresent: "{{image}} is in root's image storage.",
    sourceAbsent: "{{image}} is not in root's image storage; bootc-image-builder does not pull it.",
    sourceBootc: '{{image}} is a bootc image.',
    sourceNotBootc: '{{image}} is not a bootc image (it has no containers.bootc=1 label).',
    bibPresent: '{{image}} is ready.',
    bibAbsent: 'The builder image {{image}} has not been pulled yet.',
    outputWritable: 'Builds go to {{folder}}.',
    outputNotWritable: 'Bootstick cannot write to {{folder}}.',
    spaceEnough: '{{free}} free in the output folder.',
    spaceShort: 'Only {{free}} free in {{folder}}; this build needs about {{needed}}.',
    sourceArchRight: '{{image}} is for {{wanted}}, the architecture chosen.',
    sourceArchWrong: '{{image}} is for {{found}}, but the build is for {{wanted}}.',
    storeSpaceEnough: '{{free}} free for the build cache ({{folder}}).',
    storeSpaceShort:
      'Only {{free}} free for the build cache ({{folder}}), where the system and the image are built first; this build needs about {{needed}}.',
    fix: {
      installPodman:
        'Install podman (Debian/Ubuntu: `sudo apt install podman`; Fedora: `sudo dnf install podman`).',
      podmanInfo: 'Run `sudo podman info` in a terminal to see what podman needs.',
      startAsRoot: 'Bootstick runs podman through its privileged helper; start it with root rights.',
      pullImage: 'Pull it (Bootstick offers to), or run `sudo podman pull {{image}}`.',
      chooseBootc: 'Choose a bootc image, or build one FROM a bootc base image.',
      chooseOutput: 'Choose another output folder in Settings, or fix its permissions.',
      freeSpace: 'Free some space, or choose an output folder on a larger disk.',
      pullArch:
        'Pull it for {{wanted}} (`sudo podman pull --arch {{wanted}} {{image}}`, or let Bootstick pull it), or build for {{found}}.',
      freeStoreSpace: 'Free space on the disk that holds {{folder}} (the system disk, usually).',
    },
  },
  ko: {
    podmanMissing: 'podman이 설치되어 있지 않습니다.',
    podmanBroken: 'podman이 동작하지 않습니다: {{problem}}',
    podmanWorks: 'podman {{version}}이(가) 동작합니다.',
    rootful: 'podman이 root로 실행됩니다.',
    rootless: 'podman이 rootless로 실행됩니다. bootc-image-builder는 rootful podman이 필요합니다.',
    sourcePresent: '{{image}}이(가) root의 이미지 저장소에 있습니다.',
    sourceAbsent:
      '{{image}}이(가) root의 이미지 저장소에 없습니다. bootc-image-builder는 이미지를 받아 오지 않습니다.',
    sourceBootc: '{{image}}은(는) bootc 이미지입니다.',
    sourceNotBootc: '{{image}}은(는) bootc 이미지가 아닙니다 (containers.bootc=1 라벨이 없음).',
    bibPresent: '{{image}}이(가) 준비되었습니다.',
    bibAbsent: '빌더 이미지 {{image}}을(를) 아직 받아 오지 않았습니다.',
    outputWritable: '빌드 결과는 {{folder}}에 저장됩니다.',
    outputNotWritable: 'Bootstick이 {{folder}}에 쓸 수 없습니다.',
    spaceEnough: '출력 폴더에 {{free}}의 여유 공간이 있습니다.',
    spaceShort: '{{folder}}에 여유 공간이 {{free}}뿐입니다. 이 빌드에는 약 {{needed}}가 필요합니다.',
    sourceArchRight: '{{image}}은(는) 고른 아키텍처 {{wanted}}용입니다.',
    sourceArchWrong: '{{image}}은(는) {{found}}용인데 빌드는 {{wanted}}용입니다.',
    storeSpaceEnough: '빌드 캐시({{folder}})에 {{free}}의 여유 공간이 있습니다.',
    storeSpaceShort:
      '빌드 캐시({{folder}})의 여유 공간이 {{free}}뿐입니다. 시스템과 이미지가 먼저 그곳에서 만들어지며, 이 빌드에는 약 {{needed}}가 필요합니다.',
    fix: {
      installPodman:
        'podman을 설치하세요 (Debian/Ubuntu: `sudo apt install podman`, Fedora: `sudo dnf install podman`).',
      podmanInfo: '터미널에서 `sudo podman info`를 실행해 podman에 무엇이 필요한지 확인하세요.',
      startAsRoot: 'Bootstick은 특권 도우미로 podman을 실행합니다. 도우미를 root 권한으로 시작하세요.',
      pullImage: '받아 오세요(Bootstick이 제안합니다). 또는 `sudo podman pull {{image}}`를 실행하세요.',
      chooseBootc: 'bootc 이미지를 고르거나, bootc 기본 이미지에서(FROM) 이미지를 만드세요.',
      chooseOutput: '설정에서 다른 출력 폴더를 고르거나 폴더 권한을 고치세요.',
      freeSpace: '공간을 비우거나 더 큰 디스크의 출력 폴더를 고르세요.',
      pullArch:
        '{{wanted}}용으로 받아 오거나(`sudo podman pull --arch {{wanted}} {{image}}`, 또는 Bootstick이 받아 오게 하세요) {{found}}용으로 빌드하세요.',
      freeStoreSpace: '{{folder}}가 있는 디스크(보통 시스템 디스크)의 공간을 비우세요.',
    },
  },
});
