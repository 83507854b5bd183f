import {
  ActionGroup,
  Button,
  Form,
  FormGroup,
  Stack,
  StackItem,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { validateBlueprint } from '../../shared/blueprint/validateBlueprint';
import { BlueprintImport } from '../components/blueprint/BlueprintImport';
import { ConfigPreview } from '../components/blueprint/ConfigPreview';
import { FieldHelp } from '../components/blueprint/FieldHelp';
import { problemsAt, validatedOf } from '../components/blueprint/fieldProblems';
import { UserFields } from '../components/blueprint/UserFields';
import { blueprintOf, useBlueprintStore } from '../stores/blueprintStore';
import { useBuildStore } from '../stores/buildStore';
import { useWizardStore } from '../stores/wizardStore';

/** Who may log in and what is baked in, checked by the same rules bib and osbuild apply. */
export function BlueprintStep() {
  const { t } = useTranslation();
  const state = useBlueprintStore();
  const imageType = useBuildStore((build) => build.type);
  const goTo = useWizardStore((wizard) => wizard.goTo);
  const blueprint = blueprintOf(state);
  const problems = validateBlueprint(blueprint, { imageType });
  const hasErrors = problems.some((problem) => problem.severity === 'error');
  const kernelProblems = problemsAt(problems, ['customizations', 'kernel']);
  return (
    <Stack hasGutter>
      <StackItem>
        <Title headingLevel="h3">{t('blueprint.import')}</Title>
        <BlueprintImport />
      </StackItem>
      <StackItem>
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            if (!hasErrors) goTo('build');
          }}
        >
          <Title headingLevel="h3">{t('blueprint.users')}</Title>
          {state.users.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a user is its position; names change as typed
            <UserFields key={index} index={index} problems={problems} />
          ))}
          <ActionGroup>
            <Button variant="secondary" onClick={state.addUser}>
              {t('blueprint.addUser')}
            </Button>
          </ActionGroup>
          <FormGroup label={t('blueprint.kernel')} fieldId="kernel-append">
            <TextInput
              id="kernel-append"
              value={state.kernelAppend}
              onChange={(_, value) => state.setKernelAppend(value)}
              validated={validatedOf(kernelProblems)}
              aria-describedby="kernel-append-helper"
            />
            <FieldHelp id="kernel-append-helper" problems={kernelProblems} hint={t('blueprint.kernelHint')} />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={hasErrors}>
              {t('blueprint.next')}
            </Button>
          </ActionGroup>
        </Form>
      </StackItem>
      <StackItem>
        <ConfigPreview blueprint={blueprint} imageType={imageType} />
      </StackItem>
    </Stack>
  );
}
