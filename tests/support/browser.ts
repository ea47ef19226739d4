import { mkdirSync } from 'node:fs';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { artifactsDir } from './paths.ts';
import { chromiumPath } from './suites.ts';

/** Debian's Chromium, headless, with everything that would reach the network turned off. */
export function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects console errors and failed requests, CSP violations included, so a test can assert none. */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  return problems;
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(`${artifactsDir}/screens`, { recursive: true });
  const path = `${artifactsDir}/screens/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
