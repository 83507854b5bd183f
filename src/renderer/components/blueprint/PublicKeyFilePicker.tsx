import { useTranslation } from 'react-i18next';
import { TextFilePicker } from '../TextFilePicker';

/** A .pub file is one line or a few; anything this large is not a public key file. */
const MAX_KEY_FILE_BYTES = 100_000;

/** Chooses a `.pub` file; whether its text is a public key, a private one or none is the caller's call. */
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
  return (
    <TextFilePicker
      id={id}
      accept=".pub"
      label={t('blueprint.sshKeyFile')}
      maxBytes={MAX_KEY_FILE_BYTES}
      onText={(text) => onText(text)}
      onTooLarge={onTooLarge}
    />
  );
}
