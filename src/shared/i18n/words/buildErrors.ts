import { bilingual } from './bilingual';

/** Why a build stopped, and what to do about it: a message and a fix for every BuildErrorCode. */
export const buildErrorsWords = bilingual({
  en: {
    podmanMissing: {
      message: 'Podman is not installed on this computer, and bootc-image-builder runs in podman.',
      fix: 'Install podman with your package manager (for example "sudo dnf install podman" or "sudo apt install podman"), then try again.',
    },
    podmanNotRootful: {
      message: 'Podman cannot run containers as root here, and bootc-image-builder only works as root.',
      fix: 'Check that "sudo podman info" works. On macOS or Windows run "podman machine set --rootful" and restart the podman machine.',
    },
    sourceImageMissing: {
      message: "The bootc image is not in root's container storage and could not be pulled.",
      fix: 'Check the image name and the network, or pull it yourself with "sudo podman pull <image>".',
    },
    bibImageMissing: {
      message: 'The bootc-image-builder image is not available and could not be pulled.',
      fix: 'Check the network, or pull it yourself with "sudo podman pull quay.io/centos-bootc/bootc-image-builder:latest".',
    },
    notEnoughSpace: {
      message: 'There is not enough free space for the build.',
      fix: 'A raw image needs about 10 GiB in the output folder, plus room for the build cache. Free some space or choose another output folder.',
    },
    outputNotWritable: {
      message: 'The output folder cannot be written.',
      fix: 'Choose a folder you own on a local disk.',
    },
    notRootful: {
      message: 'bootc-image-builder was started by rootless podman, and it only works with rootful podman.',
      fix: 'Run the build through root\'s podman ("sudo podman run …"); Bootstick does this through its helper.',
    },
    notPrivileged: {
      message: 'The bootc-image-builder container is not privileged: /sys is read-only inside it.',
      fix: 'Run the container with "--privileged". Inside another container or a restricted sandbox this cannot work.',
    },
    storageNotMounted: {
      message: "bootc-image-builder could not use the host's container storage.",
      fix: 'Mount /var/lib/containers/storage into the builder as a plain bind mount (not an overlay ":O" mount), from a host folder that is not itself on overlayfs.',
    },
    imageNotPulled: {
      message: "bootc-image-builder could not find the bootc image in root's container storage.",
      fix: 'Pull it first with "sudo podman pull <image>": bootc-image-builder no longer pulls images itself.',
    },
    notBootcImage: {
      message: 'The image is not a bootc image: it lacks the "containers.bootc=1" label.',
      fix: 'Choose an image built FROM a bootc base image, such as quay.io/centos-bootc/centos-bootc:stream10.',
    },
    noSpaceLeft: {
      message: 'The disk ran out of space during the build.',
      fix: 'Free space where the output folder and the build cache live (a raw image needs about 10 GiB, plus the cache), then build again.',
    },
    selinuxSetfiles: {
      message: 'SELinux refused to label the files of the new system (setfiles: "Invalid argument").',
      fix: 'Install the "osbuild-selinux" package on this computer and run the builder with "--security-opt label=type:unconfined_t".',
    },
    unknownFlag: {
      message: 'This version of bootc-image-builder did not accept the command line it was given.',
      fix: 'Use a bootc-image-builder image that Bootstick supports, or update Bootstick. The detail names the option.',
    },
    unsupportedImageType: {
      message: 'This version of bootc-image-builder cannot build the chosen image type.',
      fix: 'Choose another output type, or use a newer bootc-image-builder image.',
    },
    configRejected: {
      message: 'bootc-image-builder refused the blueprint.',
      fix: 'Correct the setting named in the detail in the Blueprint step, then build again.',
    },
    kickstartConflict: {
      message:
        'bootc-image-builder refused the blueprint: a kickstart of your own cannot be combined with users, groups, unattended installation or password-less sudo.',
      fix: 'Put the accounts and those settings into the kickstart itself, or remove the kickstart (even an empty one counts).',
    },
    installerPayloadMissing: {
      message:
        'A bootc-installer ISO needs two images: the installer (with Anaconda) and the system it installs.',
      fix: 'Build an Installer ISO (Anaconda) instead, which installs this image itself.',
    },
    archMismatch: {
      message: 'The image is for another processor architecture than the one chosen for the build.',
      fix: 'Choose the architecture the image was built for, or pull the image for the chosen one (podman pull --arch).',
    },
    chownNotAllowed: {
      message:
        'The output folder does not allow giving the files to their owner (a network or FAT folder, for example).',
      fix: 'Choose an output folder on a local Linux filesystem.',
    },
    missingRootfs: {
      message: 'The image does not say which filesystem its root partition should use.',
      fix: 'Choose a root filesystem (xfs, ext4 or btrfs) in the build options. Fedora images need this.',
    },
    osbuildFailed: {
      message: 'A step of the image build (osbuild) failed.',
      fix: 'The last lines of the build log, shown below, say which step and why. The full log has everything.',
    },
    bibFailed: {
      message: 'bootc-image-builder stopped with an error.',
      fix: "Read bootc-image-builder's own message below. The full log has the rest.",
    },
    podmanFailed: {
      message: 'Podman could not start the bootc-image-builder container.',
      fix: "Podman's own message is below. Check that podman works as root and that the folders Bootstick mounts exist.",
    },
    killed: {
      message: 'The build was killed from outside, most often because the computer ran out of memory.',
      fix: 'Close other programs or give the machine more memory (bootc-image-builder is tested with 8 GB), then build again.',
    },
    elevation: {
      message: 'Bootstick could not get the administrator rights a build needs.',
      fix: 'Approve the password prompt when it appears; it needs a running polkit agent.',
    },
    cancelled: {
      message: 'The build was cancelled.',
      fix: 'Start it again when you are ready.',
    },
    internal: {
      message: 'Bootstick ran into a problem of its own.',
      fix: 'Try again. If it happens again, report it with the build log.',
    },
  },
  ko: {
    podmanMissing: {
      message: '이 컴퓨터에 podman이 설치되어 있지 않습니다. bootc-image-builder는 podman에서 실행됩니다.',
      fix: '패키지 관리자로 podman을 설치한 뒤(예: "sudo dnf install podman" 또는 "sudo apt install podman") 다시 시도하세요.',
    },
    podmanNotRootful: {
      message:
        '여기서는 podman이 root로 컨테이너를 실행할 수 없습니다. bootc-image-builder는 root로만 동작합니다.',
      fix: '"sudo podman info"가 동작하는지 확인하세요. macOS나 Windows에서는 "podman machine set --rootful"을 실행하고 podman 머신을 다시 시작하세요.',
    },
    sourceImageMissing: {
      message: 'bootc 이미지가 root의 컨테이너 저장소에 없고, 받아 올 수도 없었습니다.',
      fix: '이미지 이름과 네트워크를 확인하거나, "sudo podman pull <이미지>"로 직접 받아 오세요.',
    },
    bibImageMissing: {
      message: 'bootc-image-builder 이미지가 없고, 받아 올 수도 없었습니다.',
      fix: '네트워크를 확인하거나, "sudo podman pull quay.io/centos-bootc/bootc-image-builder:latest"로 직접 받아 오세요.',
    },
    notEnoughSpace: {
      message: '빌드에 필요한 여유 공간이 부족합니다.',
      fix: 'raw 이미지는 출력 폴더에 약 10 GiB와 빌드 캐시 공간이 필요합니다. 공간을 비우거나 다른 출력 폴더를 고르세요.',
    },
    outputNotWritable: {
      message: '출력 폴더에 쓸 수 없습니다.',
      fix: '로컬 디스크에 있는, 내 소유의 폴더를 고르세요.',
    },
    notRootful: {
      message: 'bootc-image-builder가 rootless podman으로 시작되었습니다. rootful podman에서만 동작합니다.',
      fix: 'root의 podman으로 빌드하세요("sudo podman run …"). Bootstick은 도우미를 통해 이렇게 합니다.',
    },
    notPrivileged: {
      message: 'bootc-image-builder 컨테이너에 특권이 없습니다: 안에서 /sys가 읽기 전용입니다.',
      fix: '컨테이너를 "--privileged"로 실행하세요. 다른 컨테이너 안이나 제한된 샌드박스에서는 동작할 수 없습니다.',
    },
    storageNotMounted: {
      message: 'bootc-image-builder가 호스트의 컨테이너 저장소를 쓰지 못했습니다.',
      fix: '/var/lib/containers/storage를 빌더에 일반 바인드 마운트로(overlay ":O" 마운트가 아닌) 연결하세요. 그 폴더 자체가 overlayfs 위에 있으면 안 됩니다.',
    },
    imageNotPulled: {
      message: 'bootc-image-builder가 root의 컨테이너 저장소에서 bootc 이미지를 찾지 못했습니다.',
      fix: '먼저 "sudo podman pull <이미지>"로 받아 오세요. bootc-image-builder는 더 이상 이미지를 직접 받아 오지 않습니다.',
    },
    notBootcImage: {
      message: '이 이미지는 bootc 이미지가 아닙니다: "containers.bootc=1" 라벨이 없습니다.',
      fix: 'quay.io/centos-bootc/centos-bootc:stream10 같은 bootc 기본 이미지에서(FROM) 만든 이미지를 고르세요.',
    },
    noSpaceLeft: {
      message: '빌드 중에 디스크 공간이 바닥났습니다.',
      fix: '출력 폴더와 빌드 캐시가 있는 곳의 공간을 비운 뒤(raw 이미지는 약 10 GiB와 캐시 공간 필요) 다시 빌드하세요.',
    },
    selinuxSetfiles: {
      message: 'SELinux가 새 시스템의 파일에 라벨 붙이기를 거부했습니다(setfiles: "Invalid argument").',
      fix: '이 컴퓨터에 "osbuild-selinux" 패키지를 설치하고 빌더를 "--security-opt label=type:unconfined_t"로 실행하세요.',
    },
    unknownFlag: {
      message: '이 버전의 bootc-image-builder가 받은 명령줄을 받아들이지 않았습니다.',
      fix: 'Bootstick이 지원하는 bootc-image-builder 이미지를 쓰거나 Bootstick을 업데이트하세요. 자세한 내용에 옵션 이름이 있습니다.',
    },
    unsupportedImageType: {
      message: '이 버전의 bootc-image-builder는 고른 이미지 형식을 만들 수 없습니다.',
      fix: '다른 출력 형식을 고르거나 더 새로운 bootc-image-builder 이미지를 쓰세요.',
    },
    configRejected: {
      message: 'bootc-image-builder가 블루프린트를 거부했습니다.',
      fix: '자세한 내용에 나온 설정을 블루프린트 단계에서 고친 뒤 다시 빌드하세요.',
    },
    kickstartConflict: {
      message:
        'bootc-image-builder가 블루프린트를 거부했습니다: 직접 만든 kickstart는 사용자, 그룹, 무인 설치, 비밀번호 없는 sudo와 함께 쓸 수 없습니다.',
      fix: '계정과 그 설정을 kickstart 안에 넣거나 kickstart를 빼세요(비어 있는 kickstart도 해당됩니다).',
    },
    installerPayloadMissing: {
      message:
        'bootc-installer ISO에는 이미지가 두 개 필요합니다: 설치 프로그램(Anaconda가 들어 있는)과 설치할 시스템.',
      fix: '대신 이 이미지를 직접 설치하는 설치 ISO(Anaconda)를 빌드하세요.',
    },
    archMismatch: {
      message: '이미지가 빌드에 고른 것과 다른 프로세서 아키텍처용입니다.',
      fix: '이미지가 빌드된 아키텍처를 고르거나, 고른 아키텍처용 이미지를 받으세요(podman pull --arch).',
    },
    chownNotAllowed: {
      message: '출력 폴더에서 파일의 소유자를 바꿀 수 없습니다(예: 네트워크 폴더나 FAT 폴더).',
      fix: '로컬 Linux 파일 시스템에 있는 출력 폴더를 고르세요.',
    },
    missingRootfs: {
      message: '이미지에 루트 파티션이 쓸 파일 시스템이 정해져 있지 않습니다.',
      fix: '빌드 옵션에서 루트 파일 시스템(xfs, ext4, btrfs)을 고르세요. Fedora 이미지는 이것이 필요합니다.',
    },
    osbuildFailed: {
      message: '이미지 빌드의 한 단계(osbuild)가 실패했습니다.',
      fix: '아래 빌드 로그의 마지막 줄에 어느 단계가 왜 실패했는지 나옵니다. 전체 로그에 모든 내용이 있습니다.',
    },
    bibFailed: {
      message: 'bootc-image-builder가 오류로 멈췄습니다.',
      fix: '아래에 있는 bootc-image-builder의 메시지를 읽어 보세요. 나머지는 전체 로그에 있습니다.',
    },
    podmanFailed: {
      message: 'podman이 bootc-image-builder 컨테이너를 시작하지 못했습니다.',
      fix: '아래에 podman의 메시지가 있습니다. podman이 root로 동작하는지, Bootstick이 마운트하는 폴더가 있는지 확인하세요.',
    },
    killed: {
      message: '빌드가 밖에서 강제로 끝났습니다. 대개 컴퓨터의 메모리가 부족해서입니다.',
      fix: '다른 프로그램을 닫거나 메모리를 늘린 뒤(bootc-image-builder는 8 GB에서 시험됨) 다시 빌드하세요.',
    },
    elevation: {
      message: 'Bootstick이 빌드에 필요한 관리자 권한을 얻지 못했습니다.',
      fix: '암호 확인 창이 뜨면 승인하세요. polkit 에이전트가 실행 중이어야 합니다.',
    },
    cancelled: {
      message: '빌드를 취소했습니다.',
      fix: '준비되면 다시 시작하세요.',
    },
    internal: {
      message: 'Bootstick 자체에 문제가 생겼습니다.',
      fix: '다시 시도하세요. 또 그러면 빌드 로그와 함께 알려 주세요.',
    },
  },
});
