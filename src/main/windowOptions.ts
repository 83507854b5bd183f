/**
 * The security-relevant settings of the one window, kept free of the `electron` import so a
 * test can read exactly what main uses without launching Electron.
 */
export function mainWindowOptions(preloadPath: string, iconPath?: string) {
  return {
    width: 1200,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Bootstick',
    show: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click opens links as new windows: nothing here should open windows at all.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  } as const;
}

/**
 * The renderer's Content-Security-Policy, sent as a response header for every page main loads
 * (and repeated in index.html's meta tag so the page is protected however it is opened).
 * No inline script, no eval, nothing from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
