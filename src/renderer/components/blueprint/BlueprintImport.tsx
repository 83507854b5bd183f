import {
  ActionGroup,
  Button,
  FileUpload,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../shared/i18n/describeProblem';
import { useBlueprintStore } from '../../stores/blueprintStore';

/**
 * Import a bib config.toml / config.json: pasted, browsed or dropped; problems by line stay here
 * until fixed, and `onImported` hears of an import with nothing to say (the toolbar then closes its dialog).
 */
export function BlueprintImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const { importText, importProblems } = useBlueprintStore();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [outcome, setOutcome] = useState<'done' | 'failed' | null>(null);
  return (
    <FormGroup label={t('blueprint.importLabel')} fieldId="blueprint-import">
      <FileUpload
        id="blueprint-import"
        type="text"
        value={text}
        filename={fileName}
        allowEditingUploadedText
        onFileInputChange={(_, file) => setFileName(file.name)}
        onDataChange={(_, data) => setText(data)}
        onTextChange={(_, value) => setText(value)}
        onClearClick={() => {
          setText('');
          setFileName('');
          setOutcome(null);
        }}
        browseButtonText={t('blueprint.browse')}
        clearButtonText={t('blueprint.clear')}
        aria-label={t('blueprint.importLabel')}
        filenameAriaLabel={t('blueprint.importFile')}
        filenamePlaceholder={t('blueprint.importPlaceholder')}
        browseButtonAriaDescribedby="blueprint-import-helper"
      />
      <FormHelperText>
        <HelperText id="blueprint-import-helper" isLiveRegion>
          {outcome === 'done' && importProblems.length === 0 ? (
            <HelperTextItem variant="success">{t('blueprint.importDone')}</HelperTextItem>
          ) : null}
          {outcome === 'failed' ? (
            <HelperTextItem variant="error">{t('blueprint.importFailed')}</HelperTextItem>
          ) : null}
          {importProblems.map((problem) => (
            <HelperTextItem
              key={`${problem.line}-${problem.message}`}
              variant={problem.severity === 'error' ? 'error' : 'warning'}
            >
              {t('blueprint.problemLine', {
                line: problem.line,
                message: describeProblem(problem, (key, values) => t(key, values)),
              })}
            </HelperTextItem>
          ))}
        </HelperText>
      </FormHelperText>
      <ActionGroup>
        <Button
          variant="secondary"
          isDisabled={text.trim() === ''}
          onClick={() =>
            void importText(text, fileName || undefined).then((ok) => {
              setOutcome(ok ? 'done' : 'failed');
              // Imported with warnings: they stay in view here until the person has read them.
              if (ok && useBlueprintStore.getState().importProblems.length === 0) onImported();
            })
          }
        >
          {t('blueprint.importButton')}
        </Button>
      </ActionGroup>
    </FormGroup>
  );
}
