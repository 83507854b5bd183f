import { Nav, NavItem, NavList } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { TOOLS, useWizardStore } from '../stores/wizardStore';

/**
 * The standalone tools, below the steps: opening one keeps the wizard where it was. PatternFly's
 * NavGroup would title this with an <h2>, competing with the page's own h2, so its section markup
 * is used with a plain title that labels the landmark instead.
 */
export function ToolNav() {
  const { t } = useTranslation();
  const { tool: current, openTool } = useWizardStore();
  return (
    <Nav aria-labelledby="tools-nav-title">
      <div className="pf-v6-c-nav__section">
        <div className="pf-v6-c-nav__section-title" id="tools-nav-title">
          {t('tools.nav')}
        </div>
        <NavList>
          {TOOLS.map((tool) => (
            <NavItem
              key={tool}
              itemId={tool}
              isActive={tool === current}
              aria-current={tool === current ? 'page' : undefined}
              onClick={() => openTool(tool)}
              preventDefault
              to={`#${tool}`}
            >
              {t(`tools.${tool}.title`)}
            </NavItem>
          ))}
        </NavList>
      </div>
    </Nav>
  );
}
