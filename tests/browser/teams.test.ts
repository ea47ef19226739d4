import { mkdirSync } from 'node:fs';
import type { Database } from '@reflectory/server';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { openOnPhone, smallTouchTargets } from '../support/touch-targets.ts';
import { launchBrowser, saveScreenshot, watchForPageErrors } from '../support/browser.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

const soon = { timeout: 10_000, interval: 50 };

/** Signs up through the API in the page's own context, so the page carries the sign-in cookie. */
async function signUpIn(page: Page, baseUrl: string, displayName: string): Promise<void> {
  const answer = await page.request.post(`${baseUrl}/api/auth/signup`, {
    data: {
      email: `${displayName.toLowerCase()}@example.org`,
      password: 'a long enough password',
      displayName,
    },
  });
  expect(answer.status()).toBe(201);
}

describeWith('the team page in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let owner: Page;
  let ownerProblems: string[];
  let teamUrl = '';
  let inviteLink = '';

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({ database, clientDir: clientDist });
    browser = await launchBrowser();
    owner = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    ownerProblems = watchForPageErrors(owner);
    await signUpIn(owner, server.baseUrl, 'Olive');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('an owner creates a team, starts a session from it and makes an invitation link', async () => {
    await owner.goto(`${server.baseUrl}/teams`);
    await owner.getByRole('heading', { name: 'Your teams' }).waitFor();
    await expectAccessible(owner, 'teams, none yet');
    await owner.getByLabel('Team name').fill('Ward 7 nurses');
    await owner.getByRole('button', { name: 'Create team' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Ward 7 nurses' }).waitFor(soon);
    teamUrl = owner.url();
    await expectAccessible(owner, 'team page, new team, owner');
    expect(await owner.getByText('Your role:').textContent()).toContain('Owner');

    // Start a session: the board opens.
    await owner.getByLabel('Session title').fill('Thursday case review');
    await owner.getByLabel('Reflection model').selectOption('gibbs');
    await owner.getByRole('button', { name: 'Start session' }).click();
    await expect.poll(() => owner.url(), soon).toMatch(/\/s\/[0-9a-f-]{36}$/);
    await owner.getByRole('heading', { name: 'Thursday case review' }).first().waitFor(soon);

    await owner.goto(teamUrl);
    await owner.getByRole('link', { name: 'Thursday case review' }).waitFor(soon);

    // An invitation link, shown once with a copy button.
    await owner.getByLabel('Joins as').selectOption('facilitator');
    await owner.getByRole('button', { name: 'Make invitation link' }).click();
    const link = owner.locator('.invite-made input');
    await link.waitFor(soon);
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(await owner.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(true);
    await expectAccessible(owner, 'team page, invitation link made');
    expect(ownerProblems).toEqual([]);
  });

  it('a guest opening the link is asked to sign in, then joins the team with one button', async () => {
    const page = await (await browser.newContext()).newPage();
    const problems = watchForPageErrors(page);
    await page.goto(inviteLink);
    await page.getByRole('heading', { name: 'Join “Ward 7 nurses”' }).waitFor(soon);
    const signIn = page.getByRole('link', { name: 'Sign in' }).last();
    expect(await signIn.getAttribute('href')).toBe(
      `/signin?next=${encodeURIComponent(new URL(inviteLink).pathname)}`,
    );
    await expectAccessible(page, 'invitation, signed out');
    await signUpIn(page, server.baseUrl, 'Fran');
    await page.reload();
    await page.getByRole('button', { name: 'Join team' }).waitFor(soon);
    await expectAccessible(page, 'invitation, signed in');
    await page.getByRole('button', { name: 'Join team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ward 7 nurses' }).waitFor(soon);
    expect(await page.getByText('Your role:').textContent()).toContain('Facilitator');
    // Facilitators start sessions but do not see the owners' controls.
    expect(await page.getByRole('heading', { name: 'Start a session' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Invitations' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Audit log' }).count()).toBe(0);
    await expectAccessible(page, 'team page, facilitator');
    expect(problems).toEqual([]);
  });

  it('shows sessions, notes retention, open actions with history, members, invitations and the audit log, every control a finger wide and nothing wider than a phone', async () => {
    const teamId = teamUrl.split('/').at(-1) ?? '';
    // A session that closed three days ago, and an action carried from it.
    const closed = await owner.request.post(`${server.baseUrl}/api/teams/${teamId}/sessions`, {
      data: { title: 'October debrief', modelId: 'what-so-what-now-what' },
    });
    const closedId = ((await closed.json()) as { session: { id: string } }).session.id;
    const closedAt = new Date(Date.now() - 3 * 864e5);
    await database.db.execute(
      sql`update sessions set closed_at = ${closedAt.toISOString()} where id = ${closedId}`,
    );
    const actionId = crypto.randomUUID();
    await database.db.execute(
      sql`insert into team_actions (id, team_id, session_id, text, owner_name, due, status, created_at, updated_at)
          values (${actionId}, ${teamId}, ${closedId}, 'Try a handover checklist on nights', 'Fran', '2030-02-01', 'open', now(), now())`,
    );
    await database.db.execute(
      sql`insert into team_action_updates (action_id, session_id, outcome, note, at)
          values (${actionId}, ${closedId}, 'created', null, ${closedAt.toISOString()})`,
    );
    await owner.request.post(`${server.baseUrl}/api/teams/${teamId}/sessions`, {
      data: { title: 'December supervision', scheduledFor: '2030-12-04T14:00:00Z' },
    });

    await owner.goto(teamUrl);
    await owner.getByRole('heading', { name: 'Past sessions' }).waitFor(soon);
    const pastTable = owner.getByRole('table').first();
    await pastTable.getByRole('rowheader', { name: /October debrief/ }).waitFor(soon);
    const deleteOn = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(closedAt.getTime() + 30 * 864e5));
    expect(await pastTable.textContent()).toContain(`Notes deleted on ${deleteOn}`);
    expect(
      await owner.getByRole('link', { name: 'Summary of October debrief' }).getAttribute('href'),
    ).toBe(`/sessions/${closedId}/summary`);
    expect(await owner.getByText('Try a handover checklist on nights').isVisible()).toBe(true);
    expect(await owner.getByText('Owner: Fran').isVisible()).toBe(true);
    expect(await owner.getByRole('list', { name: /History of/ }).textContent()).toContain(
      'Agreed in “October debrief”',
    );
    expect(await owner.getByText('planned for').textContent()).toContain('2030');
    expect(await owner.getByLabel('Role of Fran').inputValue()).toBe('facilitator');
    await owner.getByRole('heading', { name: 'Audit log' }).waitFor();
    const audit = owner.locator('.audit-log table');
    await audit.getByText('Joined as facilitator through an invitation').waitFor(soon);
    expect(await audit.textContent()).toContain('Started the session “Thursday case review”');

    // Make a fresh link so the screenshot shows it, then keep the page as it is.
    await owner.getByRole('button', { name: 'Make invitation link' }).click();
    await owner.locator('.invite-made input').waitFor(soon);
    await owner.getByLabel('Keep notes for (days after a session closes)').waitFor();

    mkdirSync('/tmp/shots', { recursive: true });
    await owner.screenshot({ path: '/tmp/shots/team.png', fullPage: true });
    await saveScreenshot(owner, 'team-page');
    await expectAccessible(owner, 'team page, full, owner');
    const onPhone = await openOnPhone(browser, { page: owner });
    await onPhone.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await smallTouchTargets(onPhone)).toEqual([]);
    // Nothing wider than the screen (WCAG 1.4.10): the tables scroll within their sections.
    expect(await onPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await onPhone.context().close();
    expect(ownerProblems).toEqual([]);
  });

  it('owners change retention and roles with the keyboard, and the last owner cannot leave', async () => {
    const days = owner.getByLabel('Keep notes for (days after a session closes)');
    await days.fill('0');
    await days.press('Enter');
    await expect
      .poll(() => owner.locator('.team-role').textContent(), soon)
      .toContain('Notes are deleted as soon as a session closes.');

    await owner.getByRole('button', { name: 'Leave team' }).click();
    await owner.getByRole('button', { name: 'Yes, leave' }).click();
    await expect
      .poll(() => owner.getByRole('alert').last().textContent(), soon)
      .toMatch(/only owner/);
    await expectAccessible(owner, 'team page, the last owner may not leave');

    const role = owner.getByLabel('Role of Fran');
    await role.focus();
    await role.selectOption('member');
    await owner.keyboard.press('Tab');
    const save = owner.getByRole('button', { name: 'Save role of Fran' });
    expect(await save.evaluate((element) => element === document.activeElement)).toBe(true);
    const outline = await save.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
    await owner.keyboard.press('Enter');
    await expect.poll(() => owner.getByLabel('Role of Fran').inputValue(), soon).toBe('member');
    await owner.locator('.audit-log').getByText('from facilitator to member').waitFor(soon);
    expect(ownerProblems.filter((problem) => !problem.includes('409'))).toEqual([]);
  });
});
