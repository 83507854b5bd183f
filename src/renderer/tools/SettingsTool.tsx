import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Switch,
  TextInput,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSchema, ThemeSchema } from '../../shared/settings';
import { api } from '../api';
import { LANGUAGES } from '../i18n';
import { messageOf } from '../stores/messageOf';
import { useSettingsStore } from '../stores/settingsStore';
import { BootTestSettings, useBootTestHost } from './BootTestSettings';
import { FieldHint } from './FieldHint';
import { fieldsOf, patchOf, type SettingsFields } from './settingsFields';

const DEFAULT_OUTPUT = '~/Bootstick/builds';

/**
 * Every setting in one form, saved together. Only the fields a person changed are kept as edits,
 * so a setting changed elsewhere meanwhile (the masthead's language, a freshly pinned digest)
 * shows through instead of being overwritten by a stale copy.
 */
export function SettingsTool() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const [edits, setEdits] = useState<Partial<SettingsFields>>({});
  const [saved, setSaved] = useState<'saved' | { error: string } | null>(null);
  const host = useBootTestHost();
  const [builders, setBuilders] = useState<{ allowed: string[]; file: string } | null>(null);
  useEffect(() => {
    void api
      .call('listBuilderImages', {})
      .then(setBuilders)
      .catch(() => setBuilders(null));
  }, []);
  if (!settings) return null;
  const fields = { ...fieldsOf(settings), ...edits };
  const { patch, errors } = patchOf(edits, host);
  const hasErrors = Object.keys(errors).length > 0;
  const edit = (change: Partial<SettingsFields>) => {
    setEdits({ ...edits, ...change });
    setSaved(null);
  };
  const errorOf = (field: keyof SettingsFields) => (errors[field] ? t(errors[field]) : null);
  const save = async () => {
    try {
      await update(patch);
      setEdits({});
      setSaved('saved');
    } catch (error) {
      setSaved({ error: messageOf(error) });
    }
  };
  return (
    <Form
      isWidthLimited
      onSubmit={(event) => {
        event.preventDefault();
        if (!hasErrors && Object.keys(edits).length > 0) void save();
      }}
    >
      <FormGroup label={t('tools.settings.bibImage')} fieldId="settings-bib-image">
        <TextInput
          id="settings-bib-image"
          value={fields.bibImage}
          onChange={(_, bibImage) => edit({ bibImage })}
          validated={errors.bibImage ? 'error' : 'default'}
          aria-describedby="settings-bib-image-helper settings-bib-digest"
        />
        <FieldHint
          id="settings-bib-image-helper"
          error={errorOf('bibImage')}
          hint={t('tools.settings.bibImageHint')}
        />
        {builders ? (
          <p className="bootstick-hint" data-testid="bib-allowed">
            {t('tools.settings.bibImageAllowed', { names: builders.allowed.join(', '), file: builders.file })}
          </p>
        ) : null}
        <p id="settings-bib-digest" className="bootstick-digest" data-testid="bib-digest">
          {settings.bibImageDigest ? (
            <>
              {t('tools.settings.pinned')} <span className="bootstick-mono">{settings.bibImageDigest}</span>
            </>
          ) : (
            t('tools.settings.notPinned')
          )}
        </p>
      </FormGroup>
      <FormGroup label={t('tools.settings.outputDir')} fieldId="settings-output-dir">
        <TextInput
          id="settings-output-dir"
          value={fields.buildOutputDir}
          placeholder={DEFAULT_OUTPUT}
          onChange={(_, buildOutputDir) => edit({ buildOutputDir })}
          validated={errors.buildOutputDir ? 'error' : 'default'}
          aria-describedby="settings-output-dir-helper"
        />
        <FieldHint
          id="settings-output-dir-helper"
          error={errorOf('buildOutputDir')}
          hint={t('tools.settings.outputDirHint', { folder: DEFAULT_OUTPUT })}
        />
      </FormGroup>
      <FormGroup label={t('tools.settings.threshold')} fieldId="settings-threshold">
        <TextInput
          id="settings-threshold"
          type="number"
          min={0}
          step="any"
          value={fields.thresholdGb}
          onChange={(_, thresholdGb) => edit({ thresholdGb })}
          validated={errors.thresholdGb ? 'error' : 'default'}
          aria-describedby="settings-threshold-helper"
        />
        <FieldHint
          id="settings-threshold-helper"
          error={errorOf('thresholdGb')}
          hint={t('tools.settings.thresholdHint')}
        />
      </FormGroup>
      <FormGroup fieldId="settings-show-virtual">
        <Switch
          id="settings-show-virtual"
          label={t('tools.settings.showVirtual')}
          isChecked={fields.showVirtualDrives}
          onChange={(_, showVirtualDrives) => edit({ showVirtualDrives })}
          aria-describedby="settings-show-virtual-helper"
        />
        <FieldHint
          id="settings-show-virtual-helper"
          error={null}
          hint={t('tools.settings.showVirtualHint')}
        />
      </FormGroup>
      <FormGroup label={t('tools.settings.language')} fieldId="settings-language">
        <FormSelect
          id="settings-language"
          value={fields.language}
          onChange={(_, value) => edit({ language: LanguageSchema.parse(value) })}
        >
          {LANGUAGES.map(({ code, name }) => (
            <FormSelectOption key={code} value={code} label={name} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('tools.settings.theme')} fieldId="settings-theme">
        <FormSelect
          id="settings-theme"
          value={fields.theme}
          onChange={(_, value) => edit({ theme: ThemeSchema.parse(value) })}
        >
          {ThemeSchema.options.map((theme) => (
            <FormSelectOption key={theme} value={theme} label={t(`tools.settings.themes.${theme}`)} />
          ))}
        </FormSelect>
      </FormGroup>
      <BootTestSettings fields={fields} errors={errors} edit={edit} host={host} />
      {saved === 'saved' && (
        <Alert variant="success" isInline isLiveRegion title={t('tools.settings.saved')} />
      )}
      {saved !== null && saved !== 'saved' && (
        <Alert
          variant="danger"
          isInline
          isLiveRegion
          title={t('tools.settings.notSaved', { message: saved.error })}
        />
      )}
      <ActionGroup>
        <Button type="submit" isDisabled={hasErrors || Object.keys(edits).length === 0}>
          {t('tools.settings.save')}
        </Button>
        {Object.keys(edits).length > 0 && (
          <Button variant="link" onClick={() => setEdits({})}>
            {t('tools.settings.revert')}
          </Button>
        )}
      </ActionGroup>
    </Form>
  );
}
