import { FormGroup, FormSection, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcceleratorWishSchema, type BootTestHost } from '../../shared/bootTest';
import { api } from '../api';
import { FieldHint } from './FieldHint';
import type { FieldErrors, SettingsFields } from './settingsFields';

/** What this computer offers a boot test; null until main has looked (or when it could not). */
export function useBootTestHost(): BootTestHost | null {
  const [host, setHost] = useState<BootTestHost | null>(null);
  useEffect(() => {
    void api
      .call('getBootTestHost', {})
      .then(setHost)
      .catch(() => setHost(null));
  }, []);
  return host;
}

/** What the boot test would find here, in words: QEMU, firmware, and KVM or emulation (and why). */
function HostFacts({ host }: { host: BootTestHost }) {
  const { t } = useTranslation();
  return (
    <ul className="bootstick-hint" data-testid="boot-test-host">
      <li>
        {host.qemu
          ? t('tools.settings.bootTestQemu', { path: host.qemu })
          : t('tools.settings.bootTestNoQemu')}
      </li>
      <li>
        {host.firmware
          ? t('tools.settings.bootTestFirmware', { path: host.firmware })
          : t('tools.settings.bootTestNoFirmware')}
      </li>
      <li>
        {t('tools.settings.bootTestAutoPicks', {
          what: t(`bootTest.accelerator.${host.accelerator}`),
          why: host.acceleratorReason,
        })}
      </li>
    </ul>
  );
}

/**
 * The Settings section for boot tests: KVM or emulation, and the memory and CPUs a test's VM is
 * lent, each checked against what this computer has.
 */
export function BootTestSettings({
  fields,
  errors,
  edit,
  host,
}: {
  fields: SettingsFields;
  errors: FieldErrors;
  edit(change: Partial<SettingsFields>): void;
  host: BootTestHost | null;
}) {
  const { t } = useTranslation();
  const errorOf = (field: keyof SettingsFields) => (errors[field] ? t(errors[field]) : null);
  const limits = { memory: host?.memoryMiB ?? '?', cpus: host?.cpus ?? '?' };
  return (
    <FormSection title={t('tools.settings.bootTestTitle')} titleElement="h2">
      {host && <HostFacts host={host} />}
      <FormGroup label={t('tools.settings.bootTestAccelerator')} fieldId="settings-boot-accelerator">
        <FormSelect
          id="settings-boot-accelerator"
          value={fields.bootTestAccelerator}
          onChange={(_, value) => edit({ bootTestAccelerator: AcceleratorWishSchema.parse(value) })}
        >
          {AcceleratorWishSchema.options.map((wish) => (
            <FormSelectOption
              key={wish}
              value={wish}
              label={t(`tools.settings.bootTestAccelerators.${wish}`)}
            />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('tools.settings.bootTestMemory')} fieldId="settings-boot-memory">
        <TextInput
          id="settings-boot-memory"
          type="number"
          min={0}
          value={fields.bootTestMemoryMiB}
          onChange={(_, bootTestMemoryMiB) => edit({ bootTestMemoryMiB })}
          validated={errors.bootTestMemoryMiB ? 'error' : 'default'}
          aria-describedby="settings-boot-memory-helper"
        />
        <FieldHint
          id="settings-boot-memory-helper"
          error={
            errorOf('bootTestMemoryMiB') &&
            `${errorOf('bootTestMemoryMiB')} ${t('tools.settings.bootTestHas', limits)}`
          }
          hint={t('tools.settings.bootTestMemoryHint')}
        />
      </FormGroup>
      <FormGroup label={t('tools.settings.bootTestCpus')} fieldId="settings-boot-cpus">
        <TextInput
          id="settings-boot-cpus"
          type="number"
          min={0}
          value={fields.bootTestCpus}
          onChange={(_, bootTestCpus) => edit({ bootTestCpus })}
          validated={errors.bootTestCpus ? 'error' : 'default'}
          aria-describedby="settings-boot-cpus-helper"
        />
        <FieldHint
          id="settings-boot-cpus-helper"
          error={
            errorOf('bootTestCpus') && `${errorOf('bootTestCpus')} ${t('tools.settings.bootTestHas', limits)}`
          }
          hint={t('tools.settings.bootTestCpusHint')}
        />
      </FormGroup>
    </FormSection>
  );
}
