import { useTranslation } from 'react-i18next';
import { describeRefusal } from '../../shared/i18n/describeJobError';
import type { DriveJobError } from '../../shared/jobs';

type JobStartError = NonNullable<DriveJobError | null>;

/**
 * Why a flash or verify job never started: each refusal in the person's language, or main's own
 * words when there is nothing more specific (no helper, no polkit agent).
 */
export function JobNotStartedDetails({ error }: { error: JobStartError }) {
  const { t, i18n } = useTranslation();
  const refusals = error.refusals ?? [];
  if (refusals.length === 0) return <p>{error.message}</p>;
  return (
    <>
      {refusals.map((refusal) => (
        <p key={`${refusal.code}-${refusal.drive}`}>
          {describeRefusal(refusal, (key, values) => t(key, values), i18n.language)}
        </p>
      ))}
    </>
  );
}
