import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';

export function AppMasthead() {
  const { t } = useTranslation();
  return (
    <Masthead>
      <MastheadMain>
        <MastheadBrand>
          <MastheadLogo component="div">
            <Title headingLevel="h1" size="xl">
              {t('app.name')}
            </Title>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <LanguageSwitcher />
      </MastheadContent>
    </Masthead>
  );
}
