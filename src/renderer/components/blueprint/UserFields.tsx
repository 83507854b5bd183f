import { Button, Card, CardBody, CardHeader, CardTitle, FormGroup, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PasswordStrength, passwordStrength } from '../../../shared/blueprint/passwordStrength';
import type { BlueprintProblem } from '../../../shared/blueprint/problem';
import { useBlueprintStore } from '../../stores/blueprintStore';
import { FieldHelp } from './FieldHelp';
import { problemsAt, validatedOf } from './fieldProblems';
import { SshKeyField } from './SshKeyField';

const STRENGTH_VARIANT: Record<PasswordStrength, 'warning' | 'indeterminate' | 'success'> = {
  weak: 'warning',
  fair: 'indeterminate',
  strong: 'success',
};

/** One user: name, password (hashed on leaving the field), SSH keys, groups. */
export function UserFields({ index, problems }: { index: number; problems: BlueprintProblem[] }) {
  const { t } = useTranslation();
  const user = useBlueprintStore((state) => state.users[index]);
  const { updateUser, setPassword, removeUser } = useBlueprintStore();
  // The typed password lives only here, until the field is left; then only its hash is kept.
  const [typed, setTyped] = useState('');
  if (!user) return null;
  const at = (field: string) => problemsAt(problems, ['customizations', 'user', index, field]);
  const id = (field: string) => `user-${index}-${field}`;
  const label = user.name || t('blueprint.userHeading', { number: index + 1 });
  const strength = passwordStrength(typed);
  const passwordHelp = strength
    ? t(`blueprint.strength.${strength}`)
    : user.passwordHash
      ? t('blueprint.passwordSet')
      : user.passwordHash === undefined
        ? t('blueprint.passwordNone')
        : t('blueprint.passwordHint');
  return (
    <Card isCompact component="section" aria-label={label}>
      <CardHeader
        actions={{
          actions: (
            <Button variant="link" isDanger onClick={() => removeUser(index)}>
              {t('blueprint.removeUser', { name: label })}
            </Button>
          ),
        }}
      >
        <CardTitle component="h4">{label}</CardTitle>
      </CardHeader>
      <CardBody>
        <FormGroup label={t('blueprint.name')} fieldId={id('name')} isRequired>
          <TextInput
            id={id('name')}
            value={user.name}
            onChange={(_, name) => updateUser(index, { name })}
            validated={validatedOf(at('name'))}
            aria-describedby={`${id('name')}-helper`}
            autoComplete="off"
          />
          <FieldHelp id={`${id('name')}-helper`} problems={at('name')} hint={t('blueprint.nameHint')} />
        </FormGroup>
        <FormGroup label={t('blueprint.password')} fieldId={id('password')}>
          <TextInput
            id={id('password')}
            type="password"
            value={typed}
            onChange={(_, value) => setTyped(value)}
            onBlur={() => {
              if (typed === '') return;
              const password = typed;
              setTyped('');
              void setPassword(index, password);
            }}
            validated={validatedOf(at('password'))}
            aria-describedby={`${id('password')}-helper`}
            autoComplete="new-password"
          />
          <FieldHelp
            id={`${id('password')}-helper`}
            problems={at('password')}
            hint={passwordHelp}
            hintVariant={strength ? STRENGTH_VARIANT[strength] : 'default'}
          />
          {user.passwordHash ? (
            <Button variant="link" isInline onClick={() => updateUser(index, { passwordHash: undefined })}>
              {t('blueprint.clearPassword')}
            </Button>
          ) : null}
        </FormGroup>
        <SshKeyField id={id('key')} value={user.key} onChange={(key) => updateUser(index, { key })} />
        <FormGroup label={t('blueprint.groups')} fieldId={id('groups')}>
          <TextInput
            id={id('groups')}
            value={user.groups}
            onChange={(_, groups) => updateUser(index, { groups })}
            validated={validatedOf(at('groups'))}
            aria-describedby={`${id('groups')}-helper`}
          />
          <FieldHelp id={`${id('groups')}-helper`} problems={at('groups')} hint={t('blueprint.groupsHint')} />
        </FormGroup>
      </CardBody>
    </Card>
  );
}
