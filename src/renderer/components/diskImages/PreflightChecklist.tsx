import { Content, List, ListItem, Title } from '@patternfly/react-core';
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import { useTranslation } from 'react-i18next';
import type { PreflightCheck } from '../../../shared/diskImages/buildRecord';
import { describePreflightCheck } from '../../../shared/i18n/describePreflightCheck';

/**
 * What main checked before bib could run (podman, root, the images, the output folder, free
 * space), one line each: passed or failed in words (not colour alone), and the fix for a failure.
 */
export function PreflightChecklist({ checks }: { checks: PreflightCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  return (
    <section aria-labelledby="preflight-title">
      <Title headingLevel="h3" id="preflight-title">
        {t('build.preflight')}
      </Title>
      <List isPlain data-testid="preflight-checklist">
        {checks.map((check) => {
          const { message, fix } = describePreflightCheck(check, (key, values) => t(key, values));
          return (
            <ListItem
              key={check.id}
              icon={
                check.ok ? (
                  <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />
                ) : (
                  <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />
                )
              }
            >
              <strong>{check.ok ? t('build.checkPassed') : t('build.checkFailed')}</strong> {message}
              {fix ? <Content component="small">{t('build.fix', { fix })}</Content> : null}
            </ListItem>
          );
        })}
      </List>
    </section>
  );
}
