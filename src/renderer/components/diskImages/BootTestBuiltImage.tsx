import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_NAME } from '../../../shared/blueprint/rules/accountName';
import { useBlueprintStore } from '../../stores/blueprintStore';
import { BootTestStart } from '../bootTest/BootTestStart';

/**
 * "Boot test this image" for the disk image a build just made: the blueprint's users (the ones it
 * was built with, still in the form) are offered to log in as.
 */
export function BootTestBuiltImage({ path }: { path: string }) {
  const { t } = useTranslation();
  const drafts = useBlueprintStore((state) => state.users);
  const users = useMemo(
    () => [...new Set(drafts.map((user) => user.name.trim()).filter((name) => ACCOUNT_NAME.test(name)))],
    [drafts],
  );
  return (
    <BootTestStart
      target={{ kind: 'image', path }}
      origin="build"
      label={t('bootTest.start.thisImage')}
      users={users}
    />
  );
}
