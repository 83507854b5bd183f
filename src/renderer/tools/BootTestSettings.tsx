import { FormGroup, FormSection, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcceleratorWishSchema, type BootTestHost } from '../../shared/bootTest';
import { memoryKeptMiB, vmSizeLimits } from '../../shared/bootTestVmSize';
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
      <li data-testid="boot-test-host-arm64">
        {!host.arm64.qemu
          ? t('tools.settings.bootTestNoArm64Qemu')
          : !host.arm64.firmware
            ? t('tools.settings.bootTestNoArm64Firmware')
            : t('tools.settings.bootTestArm64', { qemu: host.arm64.qemu, firmware: host.arm64.firmware })}
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

/** One of the VM's sizes (memory, CPUs): a whole number, its refusal saying what this computer has. */
function VmSizeField({
  field,
  id,
  label,
  hint,
  fields,
  errors,
  edit,
  host,
}: {
  field: 'bootTestMemoryMiB' | 'bootTestCpus';
  id: string;
  label: string;
  hint: string;
  fields: SettingsFields;
  errors: FieldErrors;
  edit(change: Partial<SettingsFields>): void;
  host: BootTestHost | null;
}) {
  const { t } = useTranslation();
  const error = errors[field];
  const limits = host
    ? {
        memory: host.memoryMiB,
        cpus: host.cpus,
        kept: memoryKeptMiB(host.memoryMiB),
        lend: vmSizeLimits(host).memoryMiB,
      }
    : { memory: '?', cpus: '?', kept: '?', lend: '?' };
  return (
    <FormGroup label={label} fieldId={id}>
      <TextInput
        id={id}
        type="number"
        min={0}
        value={fields[field]}
        onChange={(_, value) => edit({ [field]: value })}
        validated={error ? 'error' : 'default'}
        aria-describedby={`${id}-helper`}
      />
      <FieldHint
        id={`${id}-helper`}
        error={error ? `${t(error)} ${t('tools.settings.bootTestHas', limits)}` : null}
        hint={hint}
      />
    </FormGroup>
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
  const sized = { fields, errors, edit, host };
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
      <VmSizeField
        field="bootTestMemoryMiB"
        id="settings-boot-memory"
        label={t('tools.settings.bootTestMemory')}
        hint={t('tools.settings.bootTestMemoryHint')}
        {...sized}
      />
      <VmSizeField
        field="bootTestCpus"
        id="settings-boot-cpus"
        label={t('tools.settings.bootTestCpus')}
        hint={t('tools.settings.bootTestCpusHint')}
        {...sized}
      />
    </FormSection>
  );
}
