import { mkdirSync } from 'node:fs';
import type { Database } from '@reflectory/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { launchBrowser, saveScreenshot, watchForPageErrors } from '../support/browser.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

const soon = { timeout: 10_000, interval: 50 };
const email = 'nora.night@example.org';
const firstPassword = 'quiet night shift';
const secondPassword = 'another long password';

function accountNav(page: Page) {
  return page.getByRole('navigation', { name: 'Account' });
}

describeWith('accounts in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({ database, clientDir: clientDist });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    problems = watchForPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('a guest sees Sign in and Sign up, and can still start a session without an account', async () => {
    await page.goto(`${server.baseUrl}/start`);
    await accountNav(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await accountNav(page).getByRole('link', { name: 'Sign up' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Start a session' }).isVisible()).toBe(true);
    await expectAccessible(page, 'start page, guest');
    expect(problems).toEqual([]);
  });

  it('signs up, shows the name in the header, signs out and signs in again, returning to ?next=', async () => {
    await page.goto(`${server.baseUrl}/signup`);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Errors beside the fields, focus on the first.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), soon)
      .toBe('name');
    expect(await page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'sign up, with errors');

    await page.getByLabel('Your name').fill('Nora Night');
    await page.getByLabel('Email').fill(email);
    expect(await page.getByLabel('Password').getAttribute('autocomplete')).toBe('new-password');
    await page.getByLabel('Password').fill(firstPassword);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your account', exact: true }).waitFor();
    await accountNav(page)
      .getByRole('link', { name: /Nora Night/ })
      .waitFor();
    expect(await accountNav(page).getByRole('link', { name: 'Teams' }).isVisible()).toBe(true);

    await accountNav(page).getByRole('button', { name: 'Sign out' }).click();
    await accountNav(page).getByRole('link', { name: 'Sign in' }).waitFor();

    await page.goto(`${server.baseUrl}/signin?next=${encodeURIComponent('/anonymity')}`);
    await page.getByLabel('Email').fill(email);
    expect(await page.getByLabel('Password').getAttribute('autocomplete')).toBe('current-password');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/do not match an account/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), soon)
      .toBe('alert');
    await expectAccessible(page, 'sign in, refused');

    await page.getByLabel('Password').fill(firstPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.baseUrl}/anonymity`);
    await accountNav(page)
      .getByRole('link', { name: /Nora Night/ })
      .waitFor();
    // The refused sign-in is a 401 the console reports; a favicon load cut short by navigation is
    // not a problem of the page.
    expect(
      problems.filter((problem) => !problem.includes('401') && !problem.includes('favicon')),
    ).toEqual([]);
  });

  it('a ?next= that leaves the site is ignored', async () => {
    await page.goto(`${server.baseUrl}/signin?next=${encodeURIComponent('//evil.example/x')}`);
    await page.getByText('You are signed in as Nora Night').waitFor();
    await expectAccessible(page, 'sign in, already signed in');
    expect(await page.getByRole('link', { name: 'Continue' }).getAttribute('href')).toBe(
      '/account',
    );
  });

  it('changes the password (submitted with Enter), downloads the data and opens the delete confirmation', async () => {
    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Your account', exact: true }).waitFor();
    expect(await page.getByText(email).isVisible()).toBe(true);
    await page.getByLabel('Current password').fill(firstPassword);
    await page.getByLabel('New password').fill(secondPassword);
    await page.getByLabel('New password').press('Enter');
    await page.getByText('Password changed.').waitFor();
    expect(await page.getByLabel('Current password').inputValue()).toBe('');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download my data' }).click();
    expect((await download).suggestedFilename()).toMatch(/^reflectory-my-data-.*\.json$/);

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), soon)
      .toBe('password');
    expect(await page.getByRole('heading', { name: 'What stays' }).isVisible()).toBe(true);

    mkdirSync('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/account.png', fullPage: true });
    await saveScreenshot(page, 'account');
    await expectAccessible(page, 'account, delete confirmation');

    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('button', { name: 'Delete my account…' }).isVisible()).toBe(true);

    // The new password works and the old one does not.
    const answer = await page.evaluate(
      async ([address, old]) => {
        const response = await fetch('/api/auth/signin', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: address, password: old }),
        });
        return response.status;
      },
      [email, firstPassword] as const,
    );
    expect(answer).toBe(401);
  });

  it('deletes the account after confirming with the password', async () => {
    await page.goto(`${server.baseUrl}/account`);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByLabel('Your password, to confirm').fill(secondPassword);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    await expectAccessible(page, 'account deleted');
    await accountNav(page).getByRole('link', { name: 'Sign in' }).waitFor();
  });
});
