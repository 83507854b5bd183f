import { useTranslation } from 'react-i18next';
import { BootTestStart } from '../bootTest/BootTestStart';
import { useBlueprintUserNames } from '../bootTest/useBlueprintUserNames';

/**
 * "Boot test this image" for the disk image a build just made: the blueprint's users (the ones it
 * was built with, still in the form) are offered to log in as.
 */
export function BootTestBuiltImage({ path }: { path: string }) {
  const { t } = useTranslation();
  const users = useBlueprintUserNames();
  return (
    <BootTestStart
      target={{ kind: 'image', path }}
      origin="build"
      label={t('bootTest.start.thisImage')}
      users={users}
    />
  );
}
