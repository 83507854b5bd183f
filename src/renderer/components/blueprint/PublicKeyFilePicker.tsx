import { Button } from '@patternfly/react-core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A .pub file is one line or a few; anything this large is not a public key file. */
const MAX_KEY_FILE_BYTES = 100_000;

/**
 * Reads a chosen `.pub` file's text in the sandboxed renderer with the File API (no path, no
 * Node): the button opens the browser's own file chooser, so it works with the keyboard alone.
 * What the text is (public, private, not a key) is for the caller to judge.
 */
export function PublicKeyFilePicker({
  id,
  onText,
  onTooLarge,
}: {
  id: string;
  onText(text: string): void;
  onTooLarge(): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        accept=".pub"
        hidden
        aria-label={t('blueprint.sshKeyFile')}
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared at once, so choosing the same file again is noticed too.
          event.currentTarget.value = '';
          if (!file) return;
          if (file.size > MAX_KEY_FILE_BYTES) onTooLarge();
          else onText(await file.text());
        }}
      />
      <Button variant="secondary" onClick={() => input.current?.click()}>
        {t('blueprint.sshKeyFile')}
      </Button>
    </>
  );
}
