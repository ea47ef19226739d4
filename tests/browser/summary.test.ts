import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Database } from '@reflectory/server';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { openOnPhone, smallTouchTargets } from '../support/touch-targets.ts';
import { launchBrowser, saveScreenshot, watchForPageErrors } from '../support/browser.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** Copies a screenshot to /tmp/shots as well, where people look at them. */
function share(path: string, name: string): void {
  mkdirSync('/tmp/shots', { recursive: true });
  copyFileSync(path, `/tmp/shots/${name}.png`);
}

describeWith('summary page in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let sessionId = '';
  let fayCookie = '';
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      clientDir: clientDist,
      rooms: { releaseMinMs: 50, releaseJitterMs: 50, minBatch: 1 },
    });
    browser = await launchBrowser();

    const fayBrowser = new TestBrowser(server.baseUrl);
    const created = await fayBrowser.createSession('Night shift handover', 'Fay');
    sessionId = created.session.id;
    fayCookie = fayBrowser.cookie ?? '';
    const annBrowser = new TestBrowser(server.baseUrl);
    const benBrowser = new TestBrowser(server.baseUrl);
    const code = created.session.joinCode ?? '';
    const annId = (await annBrowser.join(code, 'Ann')).you.id;
    await benBrowser.join(code, 'Ben');
    const fay = fayBrowser.connect(sessionId);
    const ann = annBrowser.connect(sessionId);
    const ben = benBrowser.connect(sessionId);
    connections.push(fay, ann, ben);
    await Promise.all(connections.map((connection) => connection.waitUntilSynced()));
    await ann.accept();
    await ben.accept();

    await fay.goTo('what');
    ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
    ok(
      await ann.command('note:add', {
        areaId: 'what',
        text: 'Handover started late because the ward round overran.',
      }),
    );
    ok(
      await ben.command('note:add', {
        areaId: 'what',
        text: 'I felt I could not ask questions in front of the consultant.',
        anonymous: true,
        secret: randomBytes(32).toString('base64url'),
      }),
    );
    await fay.waitForBoard((board) => board.notes.length === 2);
    await fay.goTo('so-what');
    const first = ok(
      await ann.command('note:add', { areaId: 'so-what', text: 'No shared checklist.' }),
    );
    const second = ok(
      await ben.command('note:add', { areaId: 'so-what', text: 'Interruptions from the phone.' }),
    );
    ok(await fay.command('step:reveal', { stepId: 'so-what' }));
    const { groupId } = ok(
      await fay.command('group:create', { stepId: 'so-what', title: 'Structure of handover' }),
    );
    ok(await fay.command('note:group', { noteId: first.noteId, groupId }));
    ok(await fay.command('voting:open', { stepId: 'so-what', budget: 2, maxPerNote: 2 }));
    ok(await ann.command('vote:cast', { noteId: first.noteId }));
    ok(await ben.command('vote:cast', { noteId: first.noteId }));
    ok(await ben.command('vote:cast', { noteId: second.noteId }));
    ok(await fay.command('voting:close', { stepId: 'so-what' }));
    ok(
      await fay.command('action:add', {
        text: 'Draft a one-page handover checklist',
        owner: { kind: 'participant', participantId: annId },
        due: '2026-12-01',
      }),
    );
    ok(
      await fay.command('action:add', {
        text: 'Divert the ward phone during handover',
        owner: { kind: 'team', participantId: null },
        due: null,
      }),
    );
    ok(await fay.command('session:close', {}));
  });

  afterAll(async () => {
    for (const connection of connections.splice(0)) connection.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('shows the summary to its facilitator, with downloads, every control a finger wide on a phone, and prints without the chrome', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const [name, value] = fayCookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.baseUrl }]);
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await page.goto(`${server.baseUrl}/sessions/${sessionId}/summary`);

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Night shift handover');
    expect(await page.getByRole('link', { name: 'Markdown (.md)' }).getAttribute('href')).toBe(
      `/api/sessions/${sessionId}/summary.md`,
    );
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(true);
    expect(await page.getByText('Anonymous', { exact: true }).count()).toBe(1);
    // Ben wrote the anonymous note: his name is on his named note only.
    const anonymous = page.getByRole('listitem').filter({ hasText: 'could not ask questions' });
    expect(await anonymous.textContent()).not.toContain('Ben');
    expect(await page.getByRole('table', { name: 'Themes in “So what?”' }).isVisible()).toBe(true);
    share(await saveScreenshot(page, 'summary'), 'summary');
    await expectAccessible(page, 'summary');
    const onPhone = await openOnPhone(browser, { page });
    await onPhone.getByRole('link', { name: 'Back to the board' }).waitFor();
    expect(await smallTouchTargets(onPhone)).toEqual([]);
    await onPhone.context().close();

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(
      false,
    );
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    share(await saveScreenshot(page, 'summary-print'), 'summary-print');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says plainly when retention has deleted the notes', async () => {
    const teamId = randomUUID();
    await database.db.execute(
      sql`insert into teams (id, name, retention_days) values (${teamId}, ${'Ward 7'}, 0)`,
    );
    const fayBrowser = new TestBrowser(server.baseUrl);
    const created = await fayBrowser.createSession('Debrief after a hard week', 'Fay');
    const id = created.session.id;
    await database.db.execute(sql`update sessions set team_id = ${teamId} where id = ${id}`);
    const fay = fayBrowser.connect(id);
    connections.push(fay);
    await fay.waitUntilSynced();
    await fay.goTo('so-what');
    const note = ok(await fay.command('note:add', { areaId: 'so-what', text: 'Too much at once' }));
    ok(await fay.command('step:reveal', { stepId: 'so-what' }));
    const { groupId } = ok(
      await fay.command('group:create', { stepId: 'so-what', title: 'Workload' }),
    );
    ok(await fay.command('note:group', { noteId: note.noteId, groupId }));
    ok(await fay.command('session:close', {}));
    await server.app.retention.idle();

    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const [name, value] = (fayBrowser.cookie ?? '').split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.baseUrl }]);
    const page = await context.newPage();
    const problems = watchForPageErrors(page);
    await page.goto(`${server.baseUrl}/sessions/${id}/summary`);
    await page.getByRole('heading', { name: 'The notes were deleted' }).waitFor();
    expect(await page.getByText('Too much at once').count()).toBe(0);
    expect(await page.getByRole('rowheader', { name: 'Workload' }).isVisible()).toBe(true);
    share(await saveScreenshot(page, 'summary-deleted'), 'summary-deleted');
    await expectAccessible(page, 'summary, notes deleted');
    expect(problems).toEqual([]);
    await context.close();
  });
});
