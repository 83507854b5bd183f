import type { Theme } from '../../shared/settings';
import { useSettingsStore } from './settingsStore';

/** PatternFly 6 switches every colour token to its dark value under this class on <html>. */
export const DARK_CLASS = 'pf-v6-theme-dark';

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)');

export function isDark(theme: Theme, systemDark: boolean): boolean {
  return theme === 'dark' || (theme === 'system' && systemDark);
}

/**
 * Keeps <html> in the theme setting's colours: dark, light, or the desktop's preference, which is
 * followed live as it changes. Returns the unsubscriber.
 */
export function followTheme(): () => void {
  const media = prefersDark();
  const apply = () => {
    const theme = useSettingsStore.getState().settings?.theme ?? 'system';
    document.documentElement.classList.toggle(DARK_CLASS, isDark(theme, media.matches));
  };
  apply();
  media.addEventListener('change', apply);
  const unsubscribe = useSettingsStore.subscribe(apply);
  return () => {
    media.removeEventListener('change', apply);
    unsubscribe();
  };
}
