import { Checkbox, FormGroup, TextArea, TextInput, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { BlueprintProblem } from '../../../shared/blueprint/problem';
import type { InstallerDraft } from '../../stores/blueprintDraft';
import { useBlueprintStore } from '../../stores/blueprintStore';
import { FieldHelp } from './FieldHelp';
import { problemsAt, validatedOf } from './fieldProblems';

type TextField = Exclude<keyof InstallerDraft, 'unattended' | 'kickstart'>;

/** Where each field's problems sit in the blueprint. */
const PATHS: Record<Exclude<keyof InstallerDraft, 'unattended'>, (string | number)[]> = {
  sudoNopasswd: ['customizations', 'installer', 'sudo-nopasswd'],
  kickstart: ['customizations', 'installer', 'kickstart'],
  modulesEnable: ['customizations', 'installer', 'modules', 'enable'],
  modulesDisable: ['customizations', 'installer', 'modules', 'disable'],
  volumeId: ['customizations', 'iso', 'volume_id'],
  applicationId: ['customizations', 'iso', 'application_id'],
  publisher: ['customizations', 'iso', 'publisher'],
};

/**
 * The installer ISO's options (`customizations.installer`, `customizations.iso`): unattended
 * mode, password-less sudo, a kickstart of your own, Anaconda modules, the volume label. Shown
 * only for ISO types, the only ones bib applies them to.
 */
export function InstallerFields({ problems }: { problems: BlueprintProblem[] }) {
  const { t } = useTranslation();
  const { installer, updateInstaller } = useBlueprintStore();
  const at = (field: keyof typeof PATHS) => problemsAt(problems, PATHS[field]);
  const unattendedProblems = problemsAt(problems, ['customizations', 'installer', 'unattended']);

  const text = (field: TextField, placeholder?: string) => (
    <FormGroup label={t(`blueprint.installer.${field}`)} fieldId={`installer-${field}`}>
      <TextInput
        id={`installer-${field}`}
        value={installer[field]}
        onChange={(_, value) => updateInstaller({ [field]: value })}
        validated={validatedOf(at(field))}
        aria-describedby={`installer-${field}-helper`}
        placeholder={placeholder}
      />
      <FieldHelp
        id={`installer-${field}-helper`}
        problems={at(field)}
        hint={t(`blueprint.installer.${field}Hint`)}
      />
    </FormGroup>
  );

  return (
    <section aria-labelledby="installer-title">
      <Title headingLevel="h3" id="installer-title">
        {t('blueprint.installer.title')}
      </Title>
      <FormGroup fieldId="installer-unattended">
        <Checkbox
          id="installer-unattended"
          label={t('blueprint.installer.unattended')}
          isChecked={installer.unattended}
          onChange={(_, unattended) => updateInstaller({ unattended })}
          aria-describedby="installer-unattended-helper"
        />
        <FieldHelp
          id="installer-unattended-helper"
          problems={unattendedProblems}
          hint={t('blueprint.installer.unattendedHint')}
        />
      </FormGroup>
      {text('sudoNopasswd', 'alice, %wheel')}
      {text('volumeId', 'BOOTSTICK')}
      {text('applicationId')}
      {text('publisher')}
      {text('modulesEnable')}
      {text('modulesDisable')}
      <FormGroup label={t('blueprint.installer.kickstart')} fieldId="installer-kickstart">
        <TextArea
          id="installer-kickstart"
          value={installer.kickstart}
          onChange={(_, kickstart) => updateInstaller({ kickstart })}
          validated={validatedOf(at('kickstart'))}
          aria-describedby="installer-kickstart-helper"
          autoResize
          resizeOrientation="vertical"
        />
        <FieldHelp
          id="installer-kickstart-helper"
          problems={at('kickstart')}
          hint={t('blueprint.installer.kickstartHint')}
        />
      </FormGroup>
    </section>
  );
}
