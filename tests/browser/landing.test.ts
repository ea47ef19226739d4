import type { Database } from '@reflectory/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { smallTouchTargets } from '../support/touch-targets.ts';
import { launchBrowser, saveScreenshot, watchForPageErrors } from '../support/browser.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

describeWith('landing page in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({ database, clientDir: clientDist });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('renders its heading and both actions, under our CSP, with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchForPageErrors(page);
    await page.goto(server.baseUrl);

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/reflect together/i);
    expect(await page.getByRole('link', { name: 'Start a session' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Join a session' }).isVisible()).toBe(true);
    expect(await page.title()).toBe('Reflectory');

    await saveScreenshot(page, 'landing-desktop');
    await expectAccessible(page, 'landing, desktop');
    expect(problems).toEqual([]);
  });

  it('is usable on a phone, every control a finger wide, and its actions are reachable by keyboard with visible focus', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link').first().waitFor();
    expect(await smallTouchTargets(page)).toEqual([]);

    const reached: string[] = [];
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toContain('Start a session');
    expect(reached).toContain('Join a session');

    await page.getByRole('link', { name: 'Start a session' }).focus();
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await saveScreenshot(page, 'landing-phone');
    await expectAccessible(page, 'landing, phone');
  });

  it('with reduced motion asked for, nothing animates or transitions, the saving spinner included', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The one animation the app has, as the board shows it while a note is saving.
    await page.evaluate(() => {
      const status = document.createElement('p');
      status.className = 'save-status save-saving';
      status.innerHTML = '<span class="save-icon"></span>Saving…';
      document.querySelector('main')?.append(status);
    });
    const moving = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('*')).flatMap((element) =>
          [null, '::before', '::after'].flatMap((pseudo) => {
            const style = getComputedStyle(element, pseudo);
            const transitions = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
            return style.animationName !== 'none' || transitions
              ? [`${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`]
              : [];
          }),
        ),
      );
    expect(await moving()).toEqual([]);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await moving()).toEqual(['span.save-icon']);
    await page.close();
  });

  it('the anonymity page states the promise and its limits, from docs/anonymity.md', async () => {
    const page = await browser.newPage();
    const problems = watchForPageErrors(page);
    await page.goto(`${server.baseUrl}/anonymity`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toMatch(/anonymous/i);
    expect(await page.getByRole('heading', { name: 'What is not promised' }).isVisible()).toBe(
      true,
    );
    expect(await page.getByText('Your words can identify you.').isVisible()).toBe(true);
    await saveScreenshot(page, 'anonymity-page');
    await expectAccessible(page, 'anonymity page');
    expect(problems).toEqual([]);
  });

  it('a deep link to a client route loads the app, which says the page is not found', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Page not found');
    await expectAccessible(page, 'page not found');
  });
});
