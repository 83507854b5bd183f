import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlueprintProblem } from '../../../shared/blueprint/problem';
import { describeProblem } from '../../../shared/i18n/describeProblem';

/** A field's problems right under it, as the person types; its hint when there are none. */
export function FieldHelp({
  id,
  problems,
  hint,
  hintVariant = 'default',
}: {
  id: string;
  problems: BlueprintProblem[];
  hint: ReactNode;
  /** How the hint reads when it is a judgement (a password's strength), not just advice. */
  hintVariant?: 'default' | 'warning' | 'success' | 'indeterminate';
}) {
  const { t } = useTranslation();
  return (
    <FormHelperText>
      <HelperText id={id} isLiveRegion>
        {problems.length > 0 ? (
          problems.map((problem) => (
            <HelperTextItem
              key={problem.message}
              variant={problem.severity === 'error' ? 'error' : 'warning'}
            >
              {describeProblem(problem, (key, values) => t(key, values))}
            </HelperTextItem>
          ))
        ) : (
          <HelperTextItem variant={hintVariant}>{hint}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}
