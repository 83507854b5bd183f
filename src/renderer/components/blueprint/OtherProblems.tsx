import { Alert, List, ListItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { BlueprintProblem } from '../../../shared/blueprint/problem';
import { formatPath } from '../../../shared/blueprint/problem';
import { describeProblem } from '../../../shared/i18n/describeProblem';

/**
 * Problems no visible field shows: in settings the form does not edit (kept from an import), or in
 * a section hidden for the chosen image type. Listed, so nothing blocks "Next" unexplained.
 */
export function OtherProblems({ problems }: { problems: BlueprintProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const blocking = problems.some((problem) => problem.severity === 'error');
  return (
    <Alert
      variant={blocking ? 'danger' : 'warning'}
      isInline
      title={t('blueprint.otherProblems')}
      component="h4"
    >
      <List>
        {problems.map((problem) => (
          <ListItem key={`${formatPath(problem.path)} ${problem.message}`}>
            <code>{formatPath(problem.path)}</code>:{' '}
            {describeProblem(problem, (key, values) => t(key, values))}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
