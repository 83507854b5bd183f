import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { RetryPlan } from '../../shared/drives/retryTargets';
import { describeReason } from '../../shared/i18n/describeReason';

/** Which failed drives a retry leaves out and why: gone, or refused now (with the reasons). */
export function RetryNotice({ plan }: { plan: RetryPlan }) {
  const { t, i18n } = useTranslation();
  if (plan.gone.length === 0 && plan.refused.length === 0) return null;
  const translate = (key: string, values?: Record<string, string | number>) => t(key, values);
  return (
    <Alert
      isInline
      variant={plan.drives.length === 0 ? 'danger' : 'warning'}
      title={plan.drives.length === 0 ? t('flash.retryNothing') : t('flash.retryFailed')}
      data-testid="retry-notice"
    >
      {plan.gone.map((drive) => (
        <p key={drive}>{t('flash.retryGone', { drive })}</p>
      ))}
      {plan.refused.map((drive) => (
        <p key={drive.path}>
          {t('flash.retryRefused', {
            drive: drive.path,
            reasons: drive.verdict.reasons
              .map((reason) => describeReason(reason, translate, i18n.language))
              .join('; '),
          })}
        </p>
      ))}
    </Alert>
  );
}
