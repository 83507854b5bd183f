import { Alert } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { COMPARE_REFUSAL_WORDS } from '../../../shared/updates/updateWords';
import { useUpdateStore } from '../../stores/updateStore';
import { inAppWords } from './inAppWords';

/** Why the comparison has no answer, in the words the CLI uses for the same reason. */
export function CompareRefusal() {
  const { t } = useTranslation();
  const { refusal, compareError } = useUpdateStore();
  if (compareError)
    return <Alert variant="danger" isInline title={compareError} data-testid="update-refusal" />;
  if (!refusal) return null;
  const { ref, detail = '', arch = '' } = refusal.values;
  return (
    <Alert
      variant="danger"
      isInline
      title={t(inAppWords(COMPARE_REFUSAL_WORDS[refusal.reason]), { ref, detail, arch })}
      data-testid="update-refusal"
    />
  );
}
