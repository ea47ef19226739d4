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
  // Well under the test's own timeout, so a wait that fails says which element it waited for.
  page.setDefaultTimeout(10_000);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A facilitator jumps to a step from the step bar, and waits until the page shows it. */
export async function goToStep(page: Page, title: string): Promise<void> {
  const bar = page.getByRole('navigation', { name: 'Session steps' });
  await bar.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) }).click();
  await currentStepHeading(page, title).waitFor();
}

/** The current step's title, as everyone sees it. */
export function currentStepHeading(page: Page, title: string): Locator {
  return page
    .locator('#current-step-title')
    .filter({ hasText: new RegExp(`^${escapeRegExp(title)}$`) });
}

/** A participant reads the agreement and accepts it; the card goes away once the server has it. */
export async function acceptAgreement(page: Page): Promise<void> {
  const card = page.getByRole('region', { name: 'Before you take part: the group’s agreement' });
  await card.getByRole('button', { name: 'I agree' }).click();
  await card.waitFor({ state: 'detached' });
}

/** Opens the join link in this person's browser and joins under `name`. */
export async function joinByLink(
  person: Person,
  baseUrl: string,
  joinCode: string,
  name: string,
): Promise<void> {
  await person.page.goto(`${baseUrl}/j/${joinCode}`);
  await person.page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await person.page.getByRole('button', { name: 'Join session' }).click();
  await person.page.waitForURL(/\/s\//);
}

/** The countdown a page shows, in seconds. */
export async function countdownSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? '';
  const parts = text.trim().split(':').map(Number);
  if (parts.length < 2 || parts.some((part) => !Number.isInteger(part))) {
    throw new Error(`not a countdown: "${text}"`);
  }
  return parts.reduce((total, part) => total * 60 + part, 0);
}
