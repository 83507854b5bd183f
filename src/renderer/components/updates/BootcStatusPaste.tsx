import {
  Button,
  ExpandableSection,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextArea,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateStore } from '../../stores/updateStore';

/**
 * "What the hosts run", from a host itself: its `bootc status --json`, pasted. The booted image's
 * digest becomes the "from" side; output that is not that JSON is refused in words on the spot.
 */
export function BootcStatusPaste() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { pasted, pastedProblem, pastedTaken, set, usePasted } = useUpdateStore();
  return (
    <ExpandableSection
      toggleText={t('updates.tool.pasteLabel')}
      isExpanded={open}
      onToggle={(_, expanded) => setOpen(expanded)}
    >
      <FormGroup label={t('updates.tool.pasteLabel')} fieldId="update-bootc-status">
        <TextArea
          id="update-bootc-status"
          value={pasted}
          onChange={(_, value) => set({ pasted: value })}
          rows={6}
          resizeOrientation="vertical"
          validated={pastedProblem ? 'error' : 'default'}
          aria-invalid={pastedProblem !== null}
          aria-describedby="update-bootc-status-helper"
          spellCheck={false}
        />
        <FormHelperText>
          <HelperText id="update-bootc-status-helper" isLiveRegion>
            {pastedProblem ? (
              <HelperTextItem variant="error">{t(`updates.tool.status.${pastedProblem}`)}</HelperTextItem>
            ) : pastedTaken ? (
              <HelperTextItem variant="success">{t('updates.tool.pastedTaken', pastedTaken)}</HelperTextItem>
            ) : (
              <HelperTextItem>{t('updates.tool.pasteHint')}</HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <Button variant="secondary" onClick={usePasted}>
        {t('updates.tool.usePasted')}
      </Button>
    </ExpandableSection>
  );
}
