import {
  ActionGroup,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { TargetArchSchema } from '../../../shared/diskImages/imageTypes';
import { useUpdateStore } from '../../stores/updateStore';
import { FieldHint } from '../../tools/FieldHint';
import { BootcStatusPaste } from './BootcStatusPaste';

/** The two sides of an update: what the hosts run and the new version; TLS off only when asked. */
export function CompareForm() {
  const { t } = useTranslation();
  const { from, to, insecure, architecture, comparing, set, compare } = useUpdateStore();
  const ready = from.trim() !== '' && to.trim() !== '' && !comparing;
  return (
    <Form
      isWidthLimited
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void compare();
      }}
    >
      <FormGroup label={t('updates.tool.fromLabel')} fieldId="update-from" isRequired>
        <TextInput
          id="update-from"
          value={from}
          isRequired
          onChange={(_, value) => set({ from: value })}
          aria-describedby="update-from-helper"
          spellCheck={false}
          autoComplete="off"
        />
        <FieldHint id="update-from-helper" error={null} hint={t('updates.tool.fromHint')} />
      </FormGroup>
      <BootcStatusPaste />
      <FormGroup label={t('updates.tool.toLabel')} fieldId="update-to" isRequired>
        <TextInput
          id="update-to"
          value={to}
          isRequired
          onChange={(_, value) => set({ to: value })}
          aria-describedby="update-to-helper"
          spellCheck={false}
          autoComplete="off"
        />
        <FieldHint id="update-to-helper" error={null} hint={t('updates.tool.toHint')} />
      </FormGroup>
      <FormGroup label={t('updates.tool.archLabel')} fieldId="update-arch">
        <FormSelect
          id="update-arch"
          value={architecture ?? ''}
          onChange={(_, value) => set({ architecture: value === '' ? null : TargetArchSchema.parse(value) })}
          aria-describedby="update-arch-helper"
        >
          <FormSelectOption value="" label={t('updates.tool.archDefault')} />
          {TargetArchSchema.options.map((option) => (
            <FormSelectOption key={option} value={option} label={t(`build.archs.${option}`)} />
          ))}
        </FormSelect>
        <FieldHint id="update-arch-helper" error={null} hint={t('updates.tool.archHint')} />
      </FormGroup>
      <Checkbox
        id="update-insecure"
        label={t('updates.tool.insecure')}
        description={t('updates.tool.insecureHint')}
        isChecked={insecure}
        onChange={(_, checked) => set({ insecure: checked })}
      />
      <ActionGroup>
        <Button type="submit" isDisabled={!ready} isLoading={comparing}>
          {comparing ? t('updates.tool.comparing') : t('updates.tool.compare')}
        </Button>
      </ActionGroup>
    </Form>
  );
}
