import { bilingual } from './bilingual';

/** Why a file chosen to be flashed is not a disk image Bootstick writes. */
export const imageFilesWords = bilingual({
  en: {
    empty: '{{path}} is empty: there is nothing to write.',
    virtualMachineDisk:
      '{{path}} is a virtual machine disk (qcow2, VMDK or VHD), which does not boot from a USB stick. Build a raw image or an ISO instead.',
    unknown:
      '{{path}} is not a disk image Bootstick can write. Choose a .raw, .img or .iso file, optionally compressed (.xz, .gz, .bz2, .zip).',
  },
  ko: {
    empty: '{{path}}은(는) 비어 있습니다: 쓸 것이 없습니다.',
    virtualMachineDisk:
      '{{path}}은(는) 가상 머신 디스크(qcow2, VMDK, VHD)이며 USB 스틱에서 부팅되지 않습니다. raw 이미지나 ISO를 빌드하세요.',
    unknown:
      '{{path}}은(는) Bootstick이 쓸 수 있는 디스크 이미지가 아닙니다. .raw, .img, .iso 파일(.xz, .gz, .bz2, .zip 압축 가능)을 고르세요.',
  },
});
