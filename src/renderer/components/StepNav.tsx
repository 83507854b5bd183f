import { Nav, NavItem, NavList, PageSidebar, PageSidebarBody } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { STEPS, useWizardStore } from '../stores/wizardStore';
import { ToolNav } from './ToolNav';

/** The five wizard steps, numbered, the current one marked for screen readers too. */
export function StepNav() {
  const { t } = useTranslation();
  const { step: current, goTo, tool } = useWizardStore();
  return (
    <PageSidebar isSidebarOpen>
      <PageSidebarBody>
        <Nav aria-label={t('app.steps')}>
          <NavList>
            {STEPS.map((step, index) => (
              <NavItem
                key={step}
                itemId={step}
                isActive={step === current && tool === null}
                aria-current={step === current ? 'step' : undefined}
                onClick={() => goTo(step)}
                preventDefault
                to={`#${step}`}
              >
                {index + 1}. {t(`steps.${step}.title`)}
              </NavItem>
            ))}
          </NavList>
        </Nav>
        <ToolNav />
      </PageSidebarBody>
    </PageSidebar>
  );
}
