import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api';
import type { Envelope } from '../../src/shared/errors';

/**
 * A call on the page's own `window.bootstick`, exactly as the renderer would make it, typed by the
 * contract: the envelope main answers with. A test that sends main what the contract forbids, to
 * see it refused, says so with `unchecked(…)`.
 */
export function callMain<N extends CallName>(
  page: Page,
  name: N,
  input: CallInput<N> | Unchecked,
): Promise<Envelope<CallOutput<N>>> {
  return page.evaluate(
    ([call, data]) =>
      (
        globalThis as never as { bootstick: { call(n: string, d: unknown): Promise<unknown> } }
      ).bootstick.call(call, data),
    [name, input] as const,
  ) as Promise<Envelope<CallOutput<N>>>;
}

declare const UNCHECKED: unique symbol;
/** Input the contract does not allow, sent on purpose. */
export type Unchecked = { readonly [UNCHECKED]: true };
export const unchecked = (input: unknown): Unchecked => input as Unchecked;

/** Clicks what starts a download and returns the downloaded file's name and text. */
export async function downloadOf(page: Page, trigger: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The page's <html>, as seen from a page.evaluate callback (tests are typed without the DOM). */
type Html = {
  document: { documentElement: { lang: string; classList: { contains(name: string): boolean } } };
};

/** Whether <html> carries a class (PatternFly's dark theme is one). */
export function htmlHasClass(page: Page, name: string): Promise<boolean> {
  return page.evaluate(
    (className) => (globalThis as never as Html).document.documentElement.classList.contains(className),
    name,
  );
}

/** Resolves once the document speaks the language (the switch is asynchronous). */
export async function waitForLanguage(page: Page, language: string): Promise<void> {
  await page.waitForFunction(
    (lang) => (globalThis as never as Html).document.documentElement.lang === lang,
    language,
  );
}

/**
 * Drops a file on `target` as a file manager would (dragover, then drop); `path` registers where it
 * lives on disk, as Electron's webUtils would know it (null: a file from no disk, e.g. a browser).
 */
export async function dropFile(target: Locator, name: string, path: string | null): Promise<void> {
  await target.evaluate(
    (node, [fileName, filePath]) => {
      const scope = globalThis as never as {
        File: new (parts: string[], name: string) => object;
        DataTransfer: new () => { items: { add(file: object): void } };
        DragEvent: new (type: string, init: object) => unknown;
        __bootstickFilePaths: WeakMap<object, string>;
      };
      const file = new scope.File(['x'], fileName as string);
      if (filePath) scope.__bootstickFilePaths.set(file, filePath);
      const data = new scope.DataTransfer();
      data.items.add(file);
      const element = node as never as { dispatchEvent(event: unknown): void };
      for (const type of ['dragover', 'drop'])
        element.dispatchEvent(
          new scope.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
    },
    [name, path] as const,
  );
}

/** Imports a bib config through the Blueprint step's toolbar dialog, as a person pastes one. */
export async function importBlueprintConfig(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import config.toml…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a bib config' });
  await dialog.getByRole('textbox', { name: 'config.toml or config.json' }).fill(text);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
}
