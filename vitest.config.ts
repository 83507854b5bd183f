import { defineConfig } from 'vitest/config';

// Four projects, run in this order by `npm test`: unit (pure logic), integration (real loop
// devices, real processes), e2e (the built renderer in Chromium on the real router) and electron
// (the real app launched in Electron, where its binary is installed).
// Integration and e2e touch shared host state (loop devices), so their files run one at a time.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/failOnSkippedReporter.ts'],
    allowOnly: false,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          globalSetup: ['tests/support/globalSetup.ts'],
          setupFiles: ['tests/support/suiteSetup.ts'],
          include: ['tests/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: ['tests/support/globalSetup.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/support/suiteSetup.ts', 'tests/support/e2eSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The real app in real Electron (Playwright _electron); skipped, in one line, without the binary.
        test: {
          name: 'electron',
          globalSetup: ['tests/support/globalSetup.ts'],
          include: ['tests/electron/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
