import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextArea } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looksLikePrivateKey } from '../../../shared/blueprint/privateKeyText';
import type { SshKeyInspection } from '../../../shared/blueprint/sshKeyInfo';
import { sayWords } from '../../../shared/i18n/describeProblem';
import { api } from '../../api';
import { PublicKeyFilePicker } from './PublicKeyFilePicker';

/**
 * A user's public keys. Each key's type and fingerprint are shown as it is pasted (parsed in main
 * with sshpk); a private key pasted by mistake is refused on the spot and never kept, not even
 * in the form. Keys come typed, pasted, or from a chosen `.pub` file.
 */
export function SshKeyField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange(key: string): void;
}) {
  const { t } = useTranslation();
  const [refusedPrivate, setRefusedPrivate] = useState(false);
  const [inspection, setInspection] = useState<SshKeyInspection | null>(null);

  useEffect(() => {
    if (value.trim() === '') {
      setInspection(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.call('inspectSshKeys', { key: value }).then((result) => current && setInspection(result));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value]);

  const [tooLarge, setTooLarge] = useState(false);
  /** Typed or pasted text, or a chosen file's keys: a private key is never kept. */
  const accept = (text: string) => {
    setTooLarge(false);
    if (looksLikePrivateKey(text)) {
      setRefusedPrivate(true);
      onChange('');
      return;
    }
    setRefusedPrivate(false);
    onChange(text);
  };
  // Main keeps the catalogue words with its English, so the person reads them in their language.
  const say = (key: string, values?: Record<string, string | number>) => t(key, values);
  const error = refusedPrivate
    ? t('rules.privateKey')
    : tooLarge
      ? t('blueprint.sshKeyFileTooLarge')
      : inspection && !inspection.ok
        ? inspection.words
          ? sayWords(inspection.words, say)
          : inspection.message
        : null;
  return (
    <FormGroup label={t('blueprint.sshKey')} fieldId={id}>
      <TextArea
        id={id}
        value={value}
        onChange={(_, text) => accept(text)}
        validated={error ? 'error' : 'default'}
        aria-describedby={`${id}-helper`}
        autoResize
        resizeOrientation="vertical"
      />
      <PublicKeyFilePicker
        id={`${id}-file`}
        // A chosen file adds its keys below those already there; a private one replaces nothing.
        onText={(text) => {
          if (looksLikePrivateKey(text)) {
            setTooLarge(false);
            setRefusedPrivate(true);
          } else accept(value.trim() === '' ? text.trim() : `${value.trimEnd()}\n${text.trim()}`);
        }}
        onTooLarge={() => setTooLarge(true)}
      />
      <FormHelperText>
        <HelperText id={`${id}-helper`} isLiveRegion>
          {error ? (
            <HelperTextItem variant="error">{error}</HelperTextItem>
          ) : inspection?.ok ? (
            inspection.keys.map((key) => (
              <HelperTextItem key={key.line} variant={key.weakness ? 'warning' : 'success'}>
                {t('blueprint.sshKeyInfo', {
                  type: key.type,
                  fingerprint: key.fingerprint,
                  comment: key.comment,
                })}
                {key.weaknessWords
                  ? ` — ${sayWords(key.weaknessWords, say)}`
                  : key.weakness
                    ? ` — ${key.weakness}`
                    : ''}
              </HelperTextItem>
            ))
          ) : (
            <HelperTextItem>{t('blueprint.sshKeyHint')}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
}
