import { Flex } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { isBootTestableFile } from '../../shared/bootTestable';
import { BootTestStart } from '../components/bootTest/BootTestStart';
import type { VerifyJob } from '../stores/verifyStore';

/**
 * After a match, the drive is known to hold exactly the image: boot it (recorded in this verify's
 * report), or boot the image file itself when QEMU can read it as it is.
 */
export function VerifyBootTest({ job }: { job: VerifyJob }) {
  const { t } = useTranslation();
  if (job.report?.drives[0]?.status !== 'matched') return null;
  const image = job.report.image.path;
  return (
    <Flex alignItems={{ default: 'alignItemsFlexStart' }}>
      <BootTestStart
        target={{ kind: 'drive', drive: job.drive }}
        origin="verify"
        label={t('bootTest.start.thisDrive', { target: job.drive })}
      />
      {isBootTestableFile(image) && (
        <BootTestStart
          target={{ kind: 'image', path: image }}
          origin="verify"
          label={t('bootTest.start.thisImage')}
        />
      )}
    </Flex>
  );
}
