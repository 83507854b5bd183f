import { Alert, ExpandableSection, Stack, StackItem, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCheck, GuestLogin } from '../../../shared/bootTest';

/** One command run on the guest: passed or failed (and its exit status), its output folded away. */
function CheckLine({ check, label }: { check: GuestCheck; label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const verdict = check.passed
    ? t('bootTest.login.passed')
    : t('bootTest.login.failed', { code: check.exitCode ?? '—' });
  return (
    <div data-testid="boot-check" data-passed={check.passed}>
      <ExpandableSection
        toggleText={`${verdict}: ${label ?? check.command}`}
        isExpanded={open}
        onToggle={(_, expanded) => setOpen(expanded)}
        isIndented
      >
        <pre className="bootstick-build-detail" data-testid="boot-check-output">
          {check.output || t('bootTest.login.noOutput')}
        </pre>
      </ExpandableSection>
    </div>
  );
}

/**
 * The SSH login a boot test made, as proof the blueprint's user gets in: the server's banner, or
 * ssh's own words why not; `bootc status`; then each check the person named.
 */
export function LoginResult({ login }: { login: GuestLogin }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="boot-login-heading" data-testid="boot-login">
      <Stack hasGutter>
        <StackItem>
          <Title headingLevel="h4" id="boot-login-heading">
            {t('bootTest.login.heading', { user: login.user })}
          </Title>
        </StackItem>
        <StackItem>
          <Alert
            variant={login.loggedIn ? 'success' : 'danger'}
            isInline
            isPlain
            title={
              login.loggedIn
                ? t('bootTest.login.loggedIn', { user: login.user })
                : t('bootTest.login.notLoggedIn', { user: login.user })
            }
            data-testid="boot-login-verdict"
          >
            {login.banner && <p>{t('bootTest.login.banner', { banner: login.banner })}</p>}
            {login.error && <pre className="bootstick-build-detail">{login.error}</pre>}
          </Alert>
        </StackItem>
        {login.bootcStatus && (
          <StackItem>
            <CheckLine check={login.bootcStatus} label="bootc status" />
          </StackItem>
        )}
        {login.checks.map((check, index) => (
          // A person may name the same command twice: the place tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <StackItem key={index}>
            <CheckLine check={check} />
          </StackItem>
        ))}
      </Stack>
    </section>
  );
}
