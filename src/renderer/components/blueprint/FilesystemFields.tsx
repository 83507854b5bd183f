import { Button, Content, Flex, FlexItem, FormGroup, TextInput, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { BlueprintProblem } from '../../../shared/blueprint/problem';
import { useBlueprintStore } from '../../stores/blueprintStore';
import { FieldHelp } from './FieldHelp';
import { problemsAt, validatedOf } from './fieldProblems';

/**
 * Minimum sizes of the disk image's filesystems (`[[customizations.filesystem]]`): a mount point
 * and a size per row, each checked as typed by the same rules bib applies. Disk types only: bib
 * ignores them for an ISO.
 */
export function FilesystemFields({ problems }: { problems: BlueprintProblem[] }) {
  const { t } = useTranslation();
  const { filesystems, addFilesystem, removeFilesystem, updateFilesystem } = useBlueprintStore();
  const whole = problemsAt(problems, ['customizations', 'filesystem']).filter(
    (problem) => problem.path.length === 2,
  );
  return (
    <section aria-labelledby="filesystems-title">
      <Title headingLevel="h3" id="filesystems-title">
        {t('blueprint.filesystems')}
      </Title>
      <Content component="p" id="filesystems-hint">
        {t('blueprint.filesystemsHint')}
      </Content>
      {whole.length > 0 ? <FieldHelp id="filesystems-helper" problems={whole} hint="" /> : null}
      {filesystems.map((row, index) => {
        const at = (field: string) => problemsAt(problems, ['customizations', 'filesystem', index, field]);
        const id = (field: string) => `filesystem-${index}-${field}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position; its text changes as typed
          <Flex key={index} alignItems={{ default: 'alignItemsFlexStart' }}>
            <FlexItem>
              <FormGroup label={t('blueprint.mountpoint')} fieldId={id('mountpoint')} isRequired>
                <TextInput
                  id={id('mountpoint')}
                  value={row.mountpoint}
                  onChange={(_, mountpoint) => updateFilesystem(index, { mountpoint })}
                  validated={validatedOf(at('mountpoint'))}
                  aria-describedby={`${id('mountpoint')}-helper`}
                  placeholder="/var/data"
                />
                <FieldHelp
                  id={`${id('mountpoint')}-helper`}
                  problems={at('mountpoint')}
                  hint={t('blueprint.mountpointHint')}
                />
              </FormGroup>
            </FlexItem>
            <FlexItem>
              <FormGroup label={t('blueprint.minsize')} fieldId={id('minsize')} isRequired>
                <TextInput
                  id={id('minsize')}
                  value={row.minsize}
                  onChange={(_, minsize) => updateFilesystem(index, { minsize })}
                  validated={validatedOf(at('minsize'))}
                  aria-describedby={`${id('minsize')}-helper`}
                  placeholder="10 GiB"
                />
                <FieldHelp
                  id={`${id('minsize')}-helper`}
                  problems={at('minsize')}
                  hint={t('blueprint.minsizeHint')}
                />
              </FormGroup>
            </FlexItem>
            <FlexItem alignSelf={{ default: 'alignSelfCenter' }}>
              <Button variant="link" isDanger onClick={() => removeFilesystem(index)}>
                {t('blueprint.removeFilesystem', { mountpoint: row.mountpoint || index + 1 })}
              </Button>
            </FlexItem>
          </Flex>
        );
      })}
      <Button variant="secondary" onClick={addFilesystem} aria-describedby="filesystems-hint">
        {t('blueprint.addFilesystem')}
      </Button>
    </section>
  );
}
