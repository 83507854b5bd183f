import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Resolves once every finite animation on the page has finished. PatternFly fades an error helper
 * text in (opacity 0 → 1 over its motion token); axe measures contrast with the opacity it sees,
 * so a check during the fade reports `color-contrast` for text a person sees, a moment later, at
 * full contrast. Endless animations (spinners) never finish and are left running.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Animation = {
      finished: Promise<unknown>;
      effect: { getComputedTiming(): { iterations: number } } | null;
    };
    const doc = (globalThis as never as { document: { getAnimations(): Animation[] } }).document;
    const finite = doc
      .getAnimations()
      .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().iterations ?? 1));
    // A cancelled animation rejects `finished`: it is settled as well.
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/**
 * axe-core's serious and critical findings on the page as a person sees it once it has settled
 * (no fade or slide in progress), one line each.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await animationsSettled(page);
  const results = await new AxeBuilder({ page: page as never }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(' | ')})`,
    );
}
