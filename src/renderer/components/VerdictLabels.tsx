import { Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { REASON_SEVERITY, type Verdict } from '../../shared/drives/driveView';
import { describeReason } from '../../shared/i18n/describeReason';

const STATUS_COLOR = { selectable: 'green', warning: 'orange', refused: 'red' } as const;
const SEVERITY_COLOR = { refuse: 'red', warn: 'orange', info: 'blue' } as const;

/** The verdict in words: an overall status, then every reason behind it. */
export function VerdictLabels({ verdict }: { verdict: Verdict }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="bootstick-reasons">
      <Label color={STATUS_COLOR[verdict.status]} data-testid="drive-status">
        {t(`drives.status.${verdict.status}`)}
      </Label>
      {verdict.reasons.map((reason) => (
        <Label key={reason.code} color={SEVERITY_COLOR[REASON_SEVERITY[reason.code]]} variant="outline">
          {describeReason(reason, (key, values) => t(key, values), i18n.language)}
        </Label>
      ))}
    </div>
  );
}
