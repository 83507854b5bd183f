import { afterEach } from 'vitest';
import { closeLeftoverDialogs } from './leftoverDialogs';
import { openPages } from './rendererHarness';

// Every end-to-end test starts without a dialog left over from the test before it.
afterEach(async () => {
  for (const page of openPages) {
    const finding = await closeLeftoverDialogs(page);
    if (finding) console.warn(`e2e: ${finding}`);
  }
});
