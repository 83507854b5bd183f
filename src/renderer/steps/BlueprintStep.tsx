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
import { isIsoType } from '../../shared/diskImages/imageTypes';
import { BlueprintToolbar } from '../components/blueprint/BlueprintToolbar';
import { ConfigPreview } from '../components/blueprint/ConfigPreview';
import { FieldHelp } from '../components/blueprint/FieldHelp';
import { FilesystemFields } from '../components/blueprint/FilesystemFields';
import { problemsAt, problemsOutside, validatedOf } from '../components/blueprint/fieldProblems';
import { InstallerFields } from '../components/blueprint/InstallerFields';
import { OtherProblems } from '../components/blueprint/OtherProblems';
import { UserFields } from '../components/blueprint/UserFields';
import { useConfigToml } from '../components/blueprint/useConfigToml';
import { blueprintOf, useBlueprintStore } from '../stores/blueprintStore';
import { useBuildStore } from '../stores/buildStore';
import { useWizardStore } from '../stores/wizardStore';

const USER_FIELDS = ['name', 'password', 'key', 'groups'];

/**
 * Who may log in and what is baked in, checked by the same rules bib and osbuild apply. Users
 * come first (what a person came for); whole-blueprint actions sit in one toolbar above them.
 */
export function BlueprintStep() {
  const { t } = useTranslation();
  const state = useBlueprintStore();
  const imageType = useBuildStore((build) => build.type);
  const rootfs = useBuildStore((build) => build.rootfs);
  const goTo = useWizardStore((wizard) => wizard.goTo);
  const blueprint = blueprintOf(state);
  const context = { imageType, ...(rootfs ? { rootfs } : {}) };
  const problems = validateBlueprint(blueprint, context);
  const hasErrors = problems.some((problem) => problem.severity === 'error');
  const kernelProblems = problemsAt(problems, ['customizations', 'kernel']);
  const iso = isIsoType(imageType);
  const configToml = useConfigToml(blueprint, imageType, rootfs);
  // Where each visible field shows its problems; whatever is left is listed above "Next".
  const shown = [
    ...state.users.flatMap((_, index) =>
      USER_FIELDS.map((field) => ['customizations', 'user', index, field]),
    ),
    ['customizations', 'kernel'],
    ...(iso
      ? [
          ['customizations', 'installer'],
          ['customizations', 'iso', 'volume_id'],
          ['customizations', 'iso', 'application_id'],
          ['customizations', 'iso', 'publisher'],
        ]
      : [['customizations', 'filesystem']]),
  ];
  return (
    <Stack hasGutter>
      <StackItem>
        <BlueprintToolbar configToml={configToml} />
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
          {iso ? <InstallerFields problems={problems} /> : <FilesystemFields problems={problems} />}
          <OtherProblems problems={problemsOutside(problems, shown)} />
          <ActionGroup>
            <Button type="submit" isDisabled={hasErrors}>
              {t('blueprint.next')}
            </Button>
          </ActionGroup>
        </Form>
      </StackItem>
      <StackItem>
        <ConfigPreview text={configToml} />
      </StackItem>
    </Stack>
  );
}
