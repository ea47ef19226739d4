import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { watchForPageErrors } from './browser.ts';

/** One person at their own device: a fresh browser context (own cookies), one tab. */
export interface Person {
  page: Page;
  /** Console errors and failed requests seen in the tab so far. */
  problems: string[];
  close(): Promise<void>;
}

export async function openPerson(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = watchForPageErrors(page);
  return { page, problems, close: () => context.close() };
}

/** The accessible-ish name of the focused element: its label's text, else its own text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent;
    return (labelled ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab (and nothing else) until the focused element's name matches. */
export async function tabTo(page: Page, name: RegExp, maxPresses = 40): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (name.test(focused)) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached ${name}; focus went through: ${seen.join(' | ')}`);
}

/** The sticky note on the board whose text contains `text`. */
export function noteItem(page: Page, text: string): Locator {
  return page.locator('li.note').filter({ hasText: text });
}
