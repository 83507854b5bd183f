import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import {
  ImageTypeSchema,
  OFFERED_IMAGE_TYPES,
  RootFsSchema,
  TargetArchSchema,
} from '../../../shared/diskImages/imageTypes';
import { useBuildStore } from '../../stores/buildStore';
import { FieldHelp } from '../blueprint/FieldHelp';

/** The select's value for "let bib decide" (bib's own default: the image's filesystem, this computer's architecture). */
const DEFAULT = '';

/** What bib builds: the image type, the target architecture, the root filesystem. */
export function BuildOptions({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { type, setType, targetArch, setTargetArch, rootfs, setRootfs } = useBuildStore();
  return (
    <>
      <FormGroup label={t('build.type')} fieldId="build-type">
        <FormSelect
          id="build-type"
          value={type}
          onChange={(_, value) => setType(ImageTypeSchema.parse(value))}
          isDisabled={disabled}
        >
          {OFFERED_IMAGE_TYPES.map((option) => (
            <FormSelectOption key={option} value={option} label={t(`build.types.${option}`)} />
          ))}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('build.arch')} fieldId="build-arch">
        <FormSelect
          id="build-arch"
          value={targetArch ?? DEFAULT}
          onChange={(_, value) => setTargetArch(value === DEFAULT ? null : TargetArchSchema.parse(value))}
          isDisabled={disabled}
          aria-describedby="build-arch-helper"
        >
          <FormSelectOption value={DEFAULT} label={t('build.archDefault')} />
          {TargetArchSchema.options.map((option) => (
            <FormSelectOption key={option} value={option} label={t(`build.archs.${option}`)} />
          ))}
        </FormSelect>
        <FieldHelp id="build-arch-helper" problems={[]} hint={t('build.archHint')} />
      </FormGroup>
      <FormGroup label={t('build.rootfs')} fieldId="build-rootfs">
        <FormSelect
          id="build-rootfs"
          value={rootfs ?? DEFAULT}
          onChange={(_, value) => setRootfs(value === DEFAULT ? null : RootFsSchema.parse(value))}
          isDisabled={disabled}
          aria-describedby="build-rootfs-helper"
        >
          <FormSelectOption value={DEFAULT} label={t('build.rootfsDefault')} />
          {/* Filesystem names are the same in every language. */}
          {RootFsSchema.options.map((option) => (
            <FormSelectOption key={option} value={option} label={option} />
          ))}
        </FormSelect>
        <FieldHelp id="build-rootfs-helper" problems={[]} hint={t('build.rootfsHint')} />
      </FormGroup>
    </>
  );
}
