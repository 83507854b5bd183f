import { Button } from '@patternfly/react-core';
import { useRef } from 'react';

/**
 * Reads a chosen small text file in the sandboxed renderer with the File API (no path, no Node):
 * the button opens the browser's own file chooser, so it works with the keyboard alone. What the
 * text means is for the caller to judge; a file over `maxBytes` is not read at all.
 */
export function TextFilePicker({
  id,
  accept,
  label,
  maxBytes,
  onText,
  onTooLarge,
}: {
  id: string;
  accept: string;
  label: string;
  maxBytes: number;
  onText(text: string, fileName: string): void;
  onTooLarge(): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared at once, so choosing the same file again is noticed too.
          event.currentTarget.value = '';
          if (!file) return;
          if (file.size > maxBytes) onTooLarge();
          else onText(await file.text(), file.name);
        }}
      />
      <Button variant="secondary" onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
