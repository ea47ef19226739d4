import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import {
  acceptAgreement,
  currentStepHeading,
  focusedName,
  joinByLink,
  openPerson,
  type Person,
} from '../support/browser-session.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

const soon = { timeout: 10_000, interval: 50 };

function previousAction(page: Page, text: string) {
  return page
    .getByRole('region', { name: 'Actions from earlier sessions' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: text }) });
}

describeWith('reviewing a team’s previous actions in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let fay: Person;
  let ann: Person;
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({ database, clientDir: clientDist });
    browser = await launchBrowser();
    fay = await openPerson(browser);
    ann = await openPerson(browser);
  });

  afterEach(async ({ task }) => {
    for (const connection of connections.splice(0)) connection.close();
    if (task.result?.state !== 'fail') return;
    await saveScreenshot(fay.page, 'failed-cycle-fay');
    await saveScreenshot(ann.page, 'failed-cycle-ann');
  });

  afterAll(async () => {
    await fay?.close();
    await ann?.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** Fay's browser signs up; the team is made in the store with her as its owner. */
  async function fayWithTeam(): Promise<string> {
    const signedUp = await fay.page.request.post(`${server.baseUrl}/api/auth/signup`, {
      data: {
        email: `fay-${randomUUID()}@example.org`,
        password: 'a long enough password',
        displayName: 'Fay',
      },
    });
    expect(signedUp.status()).toBe(201);
    const { user } = (await signedUp.json()) as { user: { id: string } };
    const teamId = randomUUID();
    await database.db.execute(sql`insert into teams (id, name) values (${teamId}, 'Ward 7')`);
    await database.db.execute(
      sql`insert into team_members (team_id, user_id, role) values (${teamId}, ${user.id}, 'owner')`,
    );
    return teamId;
  }

  async function startSession(teamId: string, title: string) {
    const created = await fay.page.request.post(`${server.baseUrl}/api/teams/${teamId}/sessions`, {
      data: { title },
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { session: { id: string; joinCode: string } }).session;
  }

  /** Session 1, run over sockets: Ann joins, two actions are agreed, the session ends. */
  async function firstSession(teamId: string): Promise<void> {
    const session = await startSession(teamId, 'January supervision');
    const cookies = await fay.page.context().cookies(server.baseUrl);
    const fayBrowser = new TestBrowser(server.baseUrl);
    fayBrowser.cookie = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    const live = fayBrowser.connect(session.id);
    connections.push(live);
    await live.waitUntilSynced();
    const annBrowser = new TestBrowser(server.baseUrl);
    const annIn = await annBrowser.join(session.joinCode, 'Ann');
    await live.goTo('actions');
    const actions = [
      {
        text: 'Ask for a quiet room for handovers',
        owner: { kind: 'participant' as const, participantId: annIn.you.id },
        due: '2027-02-01',
      },
      {
        text: 'Try a one-page handover sheet',
        owner: { kind: 'team' as const, participantId: null },
        due: null,
      },
    ];
    for (const action of actions) {
      expect((await live.command('action:add', action)).ok).toBe(true);
    }
    expect((await live.command('session:close', {})).ok).toBe(true);
  }

  it('the next session opens on the previous actions; the facilitator decides by mouse and keyboard; everyone reads the decisions in words', async () => {
    const teamId = await fayWithTeam();
    await firstSession(teamId);

    const second = await startSession(teamId, 'February supervision');
    await fay.page.goto(`${server.baseUrl}/s/${second.id}`);
    await joinByLink(ann, server.baseUrl, second.joinCode, 'Ann');
    await acceptAgreement(ann.page);

    // The step right after the lobby.
    await fay.page.getByRole('button', { name: 'Next: Previous actions' }).click();
    for (const person of [fay, ann]) {
      await currentStepHeading(person.page, 'Previous actions').waitFor();
      const room = previousAction(person.page, 'Ask for a quiet room for handovers');
      await room.getByText('Ann', { exact: true }).waitFor();
      await room.getByText('1 February 2027').waitFor();
      await room.getByText(/^Agreed in January supervision/).waitFor();
      await room.getByText('Not decided yet').waitFor();
      const sheet = previousAction(person.page, 'Try a one-page handover sheet');
      await sheet.getByText('The team').waitFor();
    }
    // Only the facilitator holds the decision buttons.
    expect(await ann.page.getByRole('button', { name: /^(Done|Carry on|Drop):/ }).count()).toBe(0);

    // Done, by mouse.
    const room = previousAction(fay.page, 'Ask for a quiet room for handovers');
    await room.getByRole('button', { name: 'Done: “Ask for a quiet room for handovers”' }).click();
    await expect
      .poll(
        () =>
          room
            .getByRole('button', { name: 'Done: “Ask for a quiet room for handovers”' })
            .getAttribute('aria-pressed'),
        soon,
      )
      .toBe('true');

    // Carry on, by keyboard: the note is required, and focus comes back to the button.
    const sheet = previousAction(fay.page, 'Try a one-page handover sheet');
    const carry = sheet.getByRole('button', { name: 'Carry on: “Try a one-page handover sheet”' });
    await carry.focus();
    await fay.page.keyboard.press('Enter');
    const note = sheet.getByRole('textbox', { name: 'What happened when it was tried?' });
    await note.waitFor();
    expect(await focusedName(fay.page)).toBe('What happened when it was tried?');
    await fay.page.keyboard.press('Tab');
    await fay.page.keyboard.press('Enter');
    await sheet.getByRole('alert').filter({ hasText: 'say what happened' }).waitFor();
    await expectAccessible(fay.page, 'board, previous actions, carry-on note missing');
    await note.fill('Tried it twice; night shifts forgot to fill it in.');
    await fay.page.keyboard.press('Tab');
    await fay.page.keyboard.press('Enter');
    await note.waitFor({ state: 'detached' });
    expect(await focusedName(fay.page)).toMatch(/^Carry on/);

    // Everyone reads the decisions as text.
    for (const person of [fay, ann]) {
      const annRoom = previousAction(person.page, 'Ask for a quiet room for handovers');
      await annRoom.getByText(/This session:\s*Done/).waitFor();
      const annSheet = previousAction(person.page, 'Try a one-page handover sheet');
      await annSheet.getByText(/This session:\s*Carried on/).waitFor();
      await annSheet.getByText('Tried it twice; night shifts forgot to fill it in.').waitFor();
    }
    await fay.page
      .getByRole('region', { name: 'Actions from earlier sessions' })
      .getByText('2 of 2 decided')
      .waitFor();

    mkdirSync('/tmp/shots', { recursive: true });
    await fay.page.screenshot({ path: '/tmp/shots/cycle.png', fullPage: true });
    await ann.page.screenshot({ path: '/tmp/shots/cycle-participant.png', fullPage: true });
    await saveScreenshot(fay.page, 'cycle-previous-actions');
    await expectAccessible(fay.page, 'board, previous actions decided, facilitator');
    await expectAccessible(ann.page, 'board, previous actions decided, participant');

    expect(fay.problems).toEqual([]);
    expect(ann.problems).toEqual([]);
  });
});
