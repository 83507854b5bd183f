import { Button, Flex, FlexItem } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { useBlueprintStore } from '../stores/blueprintStore';
import { useBuildStore } from '../stores/buildStore';
import { useDrivesStore } from '../stores/drivesStore';
import { useFlashStore } from '../stores/flashStore';
import { useImageStore } from '../stores/imageStore';
import { type StepId, useWizardStore } from '../stores/wizardStore';

/** The last part of a path: the summary names files, the steps show them whole. */
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The job at a glance, above every step: what the image is made from, who may log in, what is
 * built, and what will be written to which drives. Each item opens the step where it is chosen.
 */
export function JobSummary() {
  const { t } = useTranslation();
  const goTo = useWizardStore((state) => state.goTo);
  const source = useImageStore((state) => state.source);
  const reference = useImageStore((state) => state.reference.trim());
  // Select the stored array itself (a new array from a selector would re-render without end).
  const users = useBlueprintStore((state) => state.users)
    .map((user) => user.name.trim())
    .filter(Boolean);
  const type = useBuildStore((state) => state.type);
  const image = useFlashStore((state) => state.image);
  const selected = useDrivesStore((state) => state.selected);
  const fromFile = source === 'diskImage';
  const none = t('summary.none');
  const items: Array<{ key: string; step: StepId; label: string; value: string }> = [
    fromFile
      ? { key: 'image', step: 'image', label: t('summary.file'), value: image ? fileName(image.path) : none }
      : { key: 'image', step: 'image', label: t('summary.image'), value: reference || none },
    ...(fromFile
      ? []
      : [
          {
            key: 'users',
            step: 'blueprint' as const,
            label: t('summary.users'),
            value: users.length > 0 ? users.join(', ') : none,
          },
          { key: 'type', step: 'build' as const, label: t('summary.type'), value: type },
        ]),
    {
      key: 'writes',
      step: 'flash',
      label: t('summary.writes'),
      value: image
        ? t('summary.writesTo', {
            file: fileName(image.path),
            drives: selected.length > 0 ? selected.join(', ') : t('summary.noDrives'),
          })
        : t('summary.nothingYet'),
    },
  ];
  return (
    <nav aria-label={t('summary.label')} className="bootstick-job-summary" data-testid="job-summary">
      <Flex columnGap={{ default: 'columnGapLg' }} rowGap={{ default: 'rowGapXs' }}>
        {items.map((item) => (
          <FlexItem key={item.key} data-summary={item.key}>
            <span className="bootstick-job-summary__label">{item.label}</span>{' '}
            <Button variant="link" isInline onClick={() => goTo(item.step)}>
              {item.value}
            </Button>
          </FlexItem>
        ))}
      </Flex>
    </nav>
  );
}
