import type { BootstickBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Provided by the preload script (Electron) or the e2e harness (Playwright). */
    bootstick: BootstickBridge;
  }
}
