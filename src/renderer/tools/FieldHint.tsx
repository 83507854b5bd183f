import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** A field's error right under it as the person types, else its hint. */
export function FieldHint({ id, error, hint }: { id: string; error: string | null; hint: ReactNode }) {
  return (
    <FormHelperText>
      <HelperText id={id} isLiveRegion>
        {error ? (
          <HelperTextItem variant="error">{error}</HelperTextItem>
        ) : (
          <HelperTextItem>{hint}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}
