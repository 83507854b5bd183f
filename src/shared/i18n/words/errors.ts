import { bilingual } from './bilingual';

/** What the helper and main report by code, said here so each language has its own words. */
export const errorsWords = bilingual({
  en: {
    withDetail: '{{text}} ({{detail}})',
    drive: {
      driveUnplugged: '{{drive}} went away: it was unplugged or stopped answering.',
      ioError: '{{drive}} failed while being written: the drive may be faulty.',
      driveBusy: '{{drive}} is in use by another program or mounted.',
      verifyMismatch: '{{drive}} does not hold the image: verification found different bytes.',
      verifyMismatchAt: '{{drive}} does not hold the image: first difference at byte {{offset}}.',
      imageCorrupt: 'The image is damaged or incomplete.',
      imageUnreadable: 'The image cannot be read.',
      notADiskImage: 'The file holds no disk image Bootstick can write.',
      imageTooLarge: 'The image is larger than {{drive}}: it does not fit.',
      permissionDenied: 'Permission to write {{drive}} was refused.',
      cancelled: 'Writing {{drive}} was cancelled.',
      driveChanged:
        '{{drive}} is no longer the drive that was checked (another one took its place). Nothing was written to it.',
      imageChanged:
        'The image file changed during the job, so the result for {{drive}} cannot be trusted. Run the job again.',
      staleData:
        '{{drive}} still carries signatures of what it held before (the image does not): other computers may see an old filesystem or RAID on it. Flash it again with “write every byte”.',
      internal: 'Writing {{drive}} failed.',
    },
    refusal: {
      notABlockDevice: '{{drive}} is not a drive.',
      notAWholeDisk:
        '{{drive}} is a partition. Bootstick writes whole drives: choose the drive it belongs to.',
      notEnumerated: '{{drive}} is not a drive Bootstick can write right now.',
      unsafeDrive: '{{drive}} cannot be written: {{reasons}}.',
      backingFileDenied:
        '{{drive}} is a virtual drive whose file you could not open yourself, so Bootstick will not open it for you.',
      duplicateTarget: '{{drive}} is named twice.',
      driveInUse:
        '{{drive}} is in use (mounted, or held by another program): a boot test runs only on a drive nothing else is using.',
      driveChanged:
        '{{drive}} is not the device that was checked (its /dev entry was swapped). Nothing was started.',
      imageUnreadable: 'The image cannot be read.',
      imageCorrupt: 'The image is damaged or incomplete.',
      notADiskImage: 'The file holds no disk image Bootstick can write.',
    },
  },
  ko: {
    withDetail: '{{text}} (원인: {{detail}})',
    drive: {
      driveUnplugged: '{{drive}}이(가) 사라졌습니다: 뽑혔거나 응답하지 않습니다.',
      ioError: '{{drive}}에 쓰는 중 오류가 났습니다: 드라이브에 결함이 있을 수 있습니다.',
      driveBusy: '{{drive}}을(를) 다른 프로그램이 쓰고 있거나 마운트되어 있습니다.',
      verifyMismatch: '{{drive}}의 내용이 이미지와 다릅니다: 검증에서 다른 바이트를 찾았습니다.',
      verifyMismatchAt: '{{drive}}의 내용이 이미지와 다릅니다: 처음 다른 곳은 {{offset}}번째 바이트입니다.',
      imageCorrupt: '이미지가 손상되었거나 불완전합니다.',
      imageUnreadable: '이미지를 읽을 수 없습니다.',
      notADiskImage: '이 파일에는 Bootstick이 쓸 수 있는 디스크 이미지가 없습니다.',
      imageTooLarge: '이미지가 {{drive}}보다 큽니다: 들어가지 않습니다.',
      permissionDenied: '{{drive}}에 쓸 권한이 거부되었습니다.',
      cancelled: '{{drive}} 쓰기를 취소했습니다.',
      driveChanged:
        '{{drive}}은(는) 더 이상 확인한 그 드라이브가 아닙니다 (다른 드라이브로 바뀌었습니다). 아무것도 쓰지 않았습니다.',
      imageChanged:
        '작업 도중에 이미지 파일이 바뀌어서 {{drive}}의 결과를 믿을 수 없습니다. 작업을 다시 실행하세요.',
      staleData:
        '{{drive}}에 예전에 담겼던 것의 서명이 아직 남아 있습니다(이미지에는 없는 것): 다른 컴퓨터가 옛 파일 시스템이나 RAID를 볼 수 있습니다. “모든 바이트 쓰기”로 다시 구우세요.',
      internal: '{{drive}}에 쓰지 못했습니다.',
    },
    refusal: {
      notABlockDevice: '{{drive}}은(는) 드라이브가 아닙니다.',
      notAWholeDisk:
        '{{drive}}은(는) 파티션입니다. Bootstick은 드라이브 전체에 씁니다: 이 파티션이 속한 드라이브를 고르세요.',
      notEnumerated: '{{drive}}은(는) 지금 Bootstick이 쓸 수 있는 드라이브가 아닙니다.',
      unsafeDrive: '{{drive}}에는 쓸 수 없습니다: {{reasons}}.',
      backingFileDenied:
        '{{drive}}은(는) 가상 드라이브이고 그 파일을 직접 열 수 없는 사용자이므로, Bootstick도 대신 열지 않습니다.',
      duplicateTarget: '{{drive}}이(가) 두 번 지정되었습니다.',
      driveInUse:
        '{{drive}}을(를) 사용 중입니다(마운트되었거나 다른 프로그램이 잡고 있음): 부팅 테스트는 아무도 쓰지 않는 드라이브에서만 실행됩니다.',
      driveChanged:
        '{{drive}}은(는) 확인한 그 장치가 아닙니다(/dev 항목이 바뀌었습니다). 아무것도 시작하지 않았습니다.',
      imageUnreadable: '이미지를 읽을 수 없습니다.',
      imageCorrupt: '이미지가 손상되었거나 불완전합니다.',
      notADiskImage: '이 파일에는 Bootstick이 쓸 수 있는 디스크 이미지가 없습니다.',
    },
  },
});
