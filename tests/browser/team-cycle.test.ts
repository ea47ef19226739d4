import { mkdirSync, readFileSync } from 'node:fs';
import type { Database } from '@reflectory/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import {
  acceptAgreement,
  currentStepHeading,
  focusedName,
  goToStep,
  noteItem,
  openPerson,
  type Person,
} from '../support/browser-session.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

const soon = { timeout: 10_000, interval: 50 };
const password = 'a long enough password';

const rosa = { name: 'Rosa Marsh', email: 'rosa.marsh@example.org' }; // owner, facilitates
const ingrid = { name: 'Ingrid Vale', email: 'ingrid.vale@example.org' }; // joins by invitation
const team = 'Ward 7 nurses';
const first = 'January supervision';
const second = 'February supervision';
const namedNote = 'The handover ran twenty minutes over';
const anonymousNote = 'I was afraid to ask the consultant to repeat the plan';
const roomAction = 'Ask for a quiet room for handovers';
const sheetAction = 'Try a one-page handover sheet';
const carryNote = 'Tried it twice; the night shift forgot to fill it in.';

/** A screenshot where people look at them, and in the test artifacts. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('/tmp/shots', { recursive: true });
  await page.screenshot({ path: `/tmp/shots/e2e-${name}.png`, fullPage: true });
}

function accountNav(page: Page) {
  return page.getByRole('navigation', { name: 'Account' });
}

function addNoteBox(page: Page, step: string) {
  return page.getByRole('textbox', { name: `Add a note to “${step}”` });
}

async function next(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${title}` }).click();
  await currentStepHeading(page, title).waitFor();
}

function openActions(page: Page) {
  return page.getByRole('region', { name: 'Open actions' });
}

function previousAction(page: Page, text: string) {
  return page
    .getByRole('region', { name: 'Actions from earlier sessions' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: text }) });
}

/** Fills the sign-up form and sends it with Enter. */
async function signUp(page: Page, person: { name: string; email: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
}

/** Clicks a download link and returns the file's text. */
async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const started = page.waitForEvent('download');
  await page.getByRole('link', { name: link }).click();
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        value += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(value);
      value = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else value += char;
  }
  if (value !== '' || row.length > 0) rows.push([...row, value]);
  return rows;
}

describeWith('a team’s cycle of sessions in Chromium, through the UI only', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let owner: Person;
  let member: Person;
  let teamUrl = '';
  let inviteLink = '';
  let firstSummaryUrl = '';

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      clientDir: clientDist,
      rooms: { releaseMinMs: 50, releaseJitterMs: 50, minBatch: 1 },
    });
    browser = await launchBrowser();
    owner = await openPerson(browser, { acceptDownloads: true });
    member = await openPerson(browser);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await saveScreenshot(owner.page, 'failed-team-cycle-owner');
    await saveScreenshot(member.page, 'failed-team-cycle-member');
  });

  afterAll(async () => {
    await owner?.close();
    await member?.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('the owner signs up, creates a team and makes an invitation link', async () => {
    const { page } = owner;
    await page.goto(server.baseUrl);
    await accountNav(page).getByRole('link', { name: 'Sign up' }).click();
    await signUp(page, rosa);
    await accountNav(page)
      .getByRole('link', { name: /Rosa Marsh/ })
      .waitFor();
    await accountNav(page).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { name: 'Your teams' }).waitFor();
    await page.getByLabel('Team name').fill(team);
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { level: 1, name: team }).waitFor();
    teamUrl = page.url();
    expect(await page.getByText('Your role:').textContent()).toContain('Owner');

    expect(await page.getByLabel('Joins as').inputValue()).toBe('member');
    await page.getByRole('button', { name: 'Make invitation link' }).click();
    const link = page.getByRole('textbox', { name: /^New link for a member/ });
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await shot(page, '01-team-created-invite');
    expect(owner.problems).toEqual([]);
  });

  it('a second person opens the link, signs up from there, lands back on it and joins', async () => {
    const { page } = member;
    await page.goto(inviteLink);
    await page.getByRole('heading', { name: `Join “${team}”` }).waitFor();
    expect(await page.locator('.lede').textContent()).toContain(
      'invited as a member: a member takes part and sees the team page',
    );
    await shot(page, '02-invite-signed-out');
    await expectAccessible(page, 'invitation, signed out, member');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await signUp(page, ingrid);
    await page.getByRole('heading', { name: `Join “${team}”` }).waitFor();
    await page.getByText('You join as').waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(inviteLink).pathname);
    await page.getByRole('button', { name: 'Join team' }).click();
    await page.getByRole('heading', { level: 1, name: team }).waitFor();
    expect(await page.getByText('Your role:').textContent()).toContain('Member');
    expect(await page.getByRole('heading', { name: 'Start a session' }).count()).toBe(0);
    await shot(page, '03-member-team-page');
    await expectAccessible(page, 'team page, member');
    expect(member.problems).toEqual([]);
  });

  it('session 1: the owner starts it from the team page, the member joins; notes, steps, actions, end', async () => {
    const fay = owner.page;
    const ann = member.page;
    await fay.goto(teamUrl);
    await fay.getByLabel('Session title').fill(first);
    await fay.getByRole('button', { name: 'Start session' }).click();
    await fay.waitForURL(/\/s\/[0-9a-f-]{36}$/);
    await currentStepHeading(fay, 'Lobby').waitFor();

    // The member finds it on the team page, under upcoming and ongoing sessions.
    await ann.reload();
    await ann
      .getByRole('region', { name: 'Upcoming and ongoing sessions' })
      .getByRole('link', { name: first })
      .click();
    await ann.getByRole('heading', { name: first }).waitFor();
    await shot(ann, '04-member-join-form');
    await expectAccessible(ann, 'join link, signed in');
    // Signed in, she joins under her account's name, focus in the field: Enter joins.
    const name = ann.getByRole('textbox', { name: 'Your name' });
    await expect.poll(() => name.inputValue(), soon).toBe(ingrid.name);
    expect(await focusedName(ann)).toMatch(/^Your name/);
    await ann.keyboard.press('Enter');
    await ann.waitForURL(/\/s\//);
    await currentStepHeading(ann, 'Lobby').waitFor();
    await expectAccessible(ann, 'board, lobby, participant');
    await fay
      .getByRole('region', { name: 'Here now' })
      .getByRole('listitem')
      .filter({ hasText: ingrid.name })
      .waitFor();

    await next(fay, 'Check-in');
    await next(fay, 'Agreement');
    await currentStepHeading(ann, 'Agreement').waitFor();
    await acceptAgreement(ann);
    await next(fay, 'What?');
    await currentStepHeading(ann, 'What?').waitFor();

    // A named note, then an anonymous one.
    await addNoteBox(ann, 'What?').fill(namedNote);
    await addNoteBox(ann, 'What?').press('Enter');
    await noteItem(ann, namedNote).waitFor();
    await expect.poll(() => noteItem(ann, namedNote).getByText('Saving…').count(), soon).toBe(0);
    await addNoteBox(ann, 'What?').fill(anonymousNote);
    await ann.getByRole('checkbox', { name: 'Post anonymously' }).check();
    await ann.getByRole('button', { name: 'Add anonymous note to “What?”' }).click();
    await noteItem(ann, anonymousNote)
      .getByText(/Only you see it until/)
      .waitFor();
    await shot(ann, '05-member-notes-hidden');

    // The facilitator is told no count of held anonymous notes [AR6]: the button counts the named
    // one, and the reveal settles both [AR4].
    const reveal = fay.getByRole('button', { name: 'Reveal 1 hidden note' });
    await reveal.waitFor();
    await reveal.click();
    for (const page of [fay, ann]) {
      await noteItem(page, namedNote).getByText(ingrid.name).waitFor();
      const anonymous = noteItem(page, anonymousNote);
      await anonymous
        .locator('.note-author')
        .filter({ hasText: /^Anonymous/ })
        .waitFor();
      expect(await anonymous.textContent()).not.toContain(ingrid.name);
    }
    await shot(fay, '06-facilitator-revealed');

    await next(fay, 'So what?');
    await goToStep(fay, 'Actions');
    await currentStepHeading(ann, 'Actions').waitFor();
    await fay.getByRole('textbox', { name: 'New action' }).fill(roomAction);
    await fay.getByRole('combobox', { name: 'Owner' }).selectOption({ label: ingrid.name });
    await fay.getByLabel('Due date (optional)').fill('2027-02-01');
    await fay.getByRole('button', { name: 'Add action' }).click();
    await fay.getByRole('textbox', { name: 'New action' }).fill(sheetAction);
    await fay.getByRole('textbox', { name: 'New action' }).press('Enter');
    for (const page of [fay, ann]) {
      const list = page.getByRole('list', { name: 'Actions' });
      await list
        .getByRole('listitem')
        .filter({ hasText: roomAction })
        .getByText(ingrid.name)
        .waitFor();
      await list
        .getByRole('listitem')
        .filter({ hasText: sheetAction })
        .getByText('The team')
        .waitFor();
    }
    await shot(fay, '07-actions');

    await fay.getByRole('button', { name: 'End session', exact: true }).click();
    await fay.getByRole('button', { name: 'End session for everyone' }).click();
    await ann.getByRole('heading', { name: 'This session has ended' }).waitFor();
    await fay.getByRole('heading', { name: 'This session has ended' }).waitFor();
    // The confirmation she pressed is gone: focus is on the notice that says why, not lost.
    await expect.poll(() => focusedName(fay), soon).toBe('This session has ended');
    await shot(ann, '08-member-ended');
    await expectAccessible(fay, 'board, ended, facilitator with the summary link');
    await shot(fay, '08-facilitator-ended');
    expect(owner.problems).toEqual([]);
    expect(member.problems).toEqual([]);
  });

  it('the owner downloads the Markdown and CSV summaries: names only where notes are named', async () => {
    const { page } = owner;
    await page.getByRole('link', { name: 'Summary and export' }).click();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    firstSummaryUrl = page.url();
    const actionsTable = page.getByRole('region', { name: 'Actions' }).getByRole('table');
    expect(await actionsTable.getByRole('row').filter({ hasText: roomAction }).textContent()).toBe(
      `${roomAction}${ingrid.name}1 February 2027`,
    );
    const anonymousItem = page.getByRole('listitem').filter({ hasText: anonymousNote });
    expect(await anonymousItem.textContent()).toContain('Anonymous');
    expect(await anonymousItem.textContent()).not.toContain(ingrid.name);
    await shot(page, '09-summary');

    const markdown = await download(page, 'Markdown (.md)');
    expect(markdown.name).toMatch(/\.md$/);
    const lines = markdown.text.split('\n');
    const namedLine = lines.find((line) => line.includes(namedNote));
    expect(namedLine).toContain(ingrid.name);
    const anonymousLine = lines.findIndex((line) => line.includes(anonymousNote));
    expect(anonymousLine).toBeGreaterThan(-1);
    // The anonymous note's line says "anonymous" and carries no name.
    expect(lines[anonymousLine]).toMatch(/— anonymous$/);
    expect(lines[anonymousLine]).not.toContain(ingrid.name);
    expect(lines.find((line) => line.includes(roomAction))).toMatch(
      /\| Ingrid Vale \| 2027-02-01 \|/,
    );
    expect(lines.find((line) => line.includes(sheetAction))).toMatch(/\| The team \|/);
    // The member's name appears only on the named note and the action she owns.
    expect(lines.filter((line) => line.includes(ingrid.name))).toEqual([
      namedLine,
      lines.find((line) => line.includes(roomAction)),
    ]);

    const csv = await download(page, 'Spreadsheet (.csv)');
    expect(csv.name).toMatch(/\.csv$/);
    const [header = [], ...rows] = parseCsv(csv.text);
    const cell = (row: string[], column: string) => row[header.indexOf(column)] ?? '';
    expect(header).toEqual(
      expect.arrayContaining(['kind', 'stage', 'theme', 'text', 'author', 'owner', 'due']),
    );
    const rowOf = (text: string) => rows.find((row) => cell(row, 'text') === text) ?? [];
    expect(cell(rowOf(namedNote), 'kind')).toBe('note');
    expect(cell(rowOf(namedNote), 'author')).toBe(ingrid.name);
    expect(cell(rowOf(anonymousNote), 'kind')).toBe('note');
    expect(cell(rowOf(anonymousNote), 'author')).not.toContain(ingrid.name);
    expect(rowOf(anonymousNote).join(' ')).not.toContain(ingrid.name);
    expect(cell(rowOf(roomAction), 'kind')).toBe('action');
    expect(cell(rowOf(roomAction), 'owner')).toBe(ingrid.name);
    expect(cell(rowOf(roomAction), 'due')).toBe('2027-02-01');
    expect(cell(rowOf(sheetAction), 'owner')).toBe('The team');
    // Her name is in two cells of the whole file: her named note's author, her action's owner.
    expect(rows.flat().filter((value) => value.includes(ingrid.name))).toHaveLength(2);
    expect(owner.problems).toEqual([]);
  });

  it('the team page lists the session as past, with its notes-deletion date, and both open actions', async () => {
    const { page } = owner;
    await page.goto(teamUrl);
    const past = page.getByRole('region', { name: 'Past sessions' });
    await past.getByRole('rowheader', { name: new RegExp(first) }).waitFor();
    const deleteOn = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(Date.now() + 30 * 864e5));
    expect(await past.getByRole('row').filter({ hasText: first }).textContent()).toContain(
      `Notes deleted on ${deleteOn}`,
    );
    expect(await past.getByRole('link', { name: `Summary of ${first}` }).getAttribute('href')).toBe(
      new URL(firstSummaryUrl).pathname,
    );
    const actions = openActions(page);
    await actions.getByText(roomAction).waitFor();
    expect(
      await actions.getByRole('listitem').filter({ hasText: roomAction }).textContent(),
    ).toContain(`Owner: ${ingrid.name}`);
    expect(await actions.getByText(sheetAction).isVisible()).toBe(true);
    expect(await actions.getByText('Owner: the team').isVisible()).toBe(true);
    await shot(page, '10-team-page-after-first');
    await expectAccessible(page, 'team page, past session and open actions');
    expect(owner.problems).toEqual([]);
  });

  it('session 2 opens on the previous actions: one done, one carried with a note; the team page keeps the carried one', async () => {
    const fay = owner.page;
    const ann = member.page;
    await fay.getByLabel('Session title').fill(second);
    await fay.getByRole('button', { name: 'Start session' }).click();
    await fay.waitForURL(/\/s\/[0-9a-f-]{36}$/);
    await currentStepHeading(fay, 'Lobby').waitFor();

    await ann.goto(teamUrl);
    await ann
      .getByRole('region', { name: 'Upcoming and ongoing sessions' })
      .getByRole('link', { name: second })
      .click();
    const name = ann.getByRole('textbox', { name: 'Your name' });
    await expect.poll(() => name.inputValue(), soon).toBe(ingrid.name);
    await ann.getByRole('button', { name: 'Join session' }).click();
    await currentStepHeading(ann, 'Lobby').waitFor();

    await next(fay, 'Previous actions');
    for (const page of [fay, ann]) {
      await currentStepHeading(page, 'Previous actions').waitFor();
      const room = previousAction(page, roomAction);
      await room.getByText(ingrid.name, { exact: true }).waitFor();
      await room.getByText('1 February 2027').waitFor();
      await room.getByText(new RegExp(`^Agreed in ${first}`)).waitFor();
      await previousAction(page, sheetAction).getByText('The team').waitFor();
    }
    await shot(ann, '11-member-previous-actions');

    const room = previousAction(fay, roomAction);
    await room.getByRole('button', { name: `Done: “${roomAction}”` }).click();
    const sheet = previousAction(fay, sheetAction);
    await sheet.getByRole('button', { name: `Carry on: “${sheetAction}”` }).click();
    const note = sheet.getByRole('textbox', { name: 'What happened when it was tried?' });
    await note.waitFor();
    expect(await focusedName(fay)).toBe('What happened when it was tried?');
    await note.fill(carryNote);
    await sheet.getByRole('button', { name: 'Carry on', exact: true }).click();
    await note.waitFor({ state: 'detached' });
    for (const page of [fay, ann]) {
      await previousAction(page, roomAction)
        .getByText(/This session:\s*Done/)
        .waitFor();
      await previousAction(page, sheetAction)
        .getByText(/This session:\s*Carried on/)
        .waitFor();
    }
    await fay.getByText('2 of 2 decided').waitFor();
    await shot(fay, '12-facilitator-decided');

    await fay.getByRole('button', { name: 'End session', exact: true }).click();
    await fay.getByRole('button', { name: 'End session for everyone' }).click();
    await ann.getByRole('heading', { name: 'This session has ended' }).waitFor();

    await fay.goto(teamUrl);
    const actions = openActions(fay);
    await actions.getByText(sheetAction).waitFor();
    expect(await actions.getByText(roomAction).count()).toBe(0);
    const history = actions.getByRole('list', { name: `History of “${sheetAction}”` });
    await expect
      .poll(() => history.getByRole('listitem').allTextContents(), soon)
      .toEqual([
        expect.stringContaining(`Agreed in “${first}”`),
        expect.stringMatching(new RegExp(`Carried on in “${second}”.*${carryNote.slice(0, 20)}`)),
      ]);
    const past = fay.getByRole('region', { name: 'Past sessions' });
    await past.getByRole('rowheader', { name: new RegExp(second) }).waitFor();
    await shot(fay, '13-team-page-after-second');

    // The member sees the same open actions on her team page.
    await ann.goto(teamUrl);
    await openActions(ann).getByText(sheetAction).waitFor();
    expect(await openActions(ann).getByText(roomAction).count()).toBe(0);
    expect(owner.problems).toEqual([]);
    expect(member.problems).toEqual([]);
  });
});
