import {
  Button,
  ExpandableSection,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Stack,
  StackItem,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BootTestTarget } from '../../../shared/bootTestJob';
import { MAX_GUEST_CHECKS } from '../../../shared/driveBootTest';
import { type BootTestOrigin, useBootTestStore } from '../../stores/bootTestStore';
import { type FormProblem, readLoginForm } from './loginForm';
import { useBootTestBusy } from './useBootTestBusy';

interface BootTestStartProps {
  target: BootTestTarget;
  origin: BootTestOrigin;
  /** The button's words ("Boot test /dev/sdb", "Boot test this image"). */
  label: string;
  /** The button's name when its words alone do not say which (a list of builds). */
  accessibleName?: string;
  /** The blueprint's users when known: offered to log in as; otherwise the name is typed. */
  users?: readonly string[];
}

function Hint({ id, problem, hint }: { id: string; problem: FormProblem | null; hint: string }) {
  const { t } = useTranslation();
  return (
    <FormHelperText>
      <HelperText id={id} isLiveRegion>
        {problem ? (
          <HelperTextItem variant="error">{t(problem.key, problem.values)}</HelperTextItem>
        ) : (
          <HelperTextItem>{hint}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}

/**
 * The one way every place starts a boot test: a button, and folded under it the SSH login and
 * checks, so the plain test stays one click. A bad name or check line is said beside its field
 * and the button waits; a test already running holds every button.
 */
export function BootTestStart({ target, origin, label, accessibleName, users }: BootTestStartProps) {
  const { t } = useTranslation();
  const start = useBootTestStore((state) => state.start);
  const busy = useBootTestBusy();
  const [open, setOpen] = useState(false);
  const [user, setUser] = useState('');
  const [checks, setChecks] = useState('');
  const id = useId();
  const form = readLoginForm(user, checks);
  const invalid = form.userProblem !== null || form.checksProblem !== null;
  return (
    <Stack>
      <StackItem>
        <Button
          variant="secondary"
          isDisabled={busy || invalid}
          aria-label={accessibleName}
          onClick={() => void start(target, origin, form.login)}
        >
          {label}
        </Button>
        {busy && (
          <HelperText>
            <HelperTextItem>{t('bootTest.start.oneAtATime')}</HelperTextItem>
          </HelperText>
        )}
      </StackItem>
      <StackItem>
        <ExpandableSection
          toggleText={
            form.login ? t('bootTest.start.loginAs', { user: form.login.user }) : t('bootTest.start.login')
          }
          isExpanded={open}
          onToggle={(_, expanded) => setOpen(expanded)}
          isIndented
        >
          <FormGroup label={t('bootTest.start.userLabel')} fieldId={`${id}-user`}>
            {users && users.length > 0 ? (
              <FormSelect
                id={`${id}-user`}
                value={user}
                onChange={(_, value) => setUser(value)}
                aria-describedby={`${id}-user-hint`}
              >
                <FormSelectOption value="" label={t('bootTest.start.noLogin')} />
                {users.map((name) => (
                  <FormSelectOption key={name} value={name} label={name} />
                ))}
              </FormSelect>
            ) : (
              <TextInput
                id={`${id}-user`}
                value={user}
                onChange={(_, value) => setUser(value)}
                validated={form.userProblem ? 'error' : 'default'}
                aria-invalid={form.userProblem !== null}
                aria-describedby={`${id}-user-hint`}
                spellCheck={false}
              />
            )}
            <Hint id={`${id}-user-hint`} problem={form.userProblem} hint={t('bootTest.start.userHint')} />
          </FormGroup>
          <FormGroup label={t('bootTest.start.checksLabel')} fieldId={`${id}-checks`}>
            <TextArea
              id={`${id}-checks`}
              value={checks}
              onChange={(_, value) => setChecks(value)}
              rows={3}
              resizeOrientation="vertical"
              validated={form.checksProblem ? 'error' : 'default'}
              aria-invalid={form.checksProblem !== null}
              aria-describedby={`${id}-checks-hint`}
              spellCheck={false}
              className="bootstick-mono"
            />
            <Hint
              id={`${id}-checks-hint`}
              problem={form.checksProblem}
              hint={t('bootTest.start.checksHint', { max: MAX_GUEST_CHECKS })}
            />
          </FormGroup>
        </ExpandableSection>
      </StackItem>
    </Stack>
  );
}
