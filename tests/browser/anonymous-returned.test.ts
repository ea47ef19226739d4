import type { Database } from '@reflectory/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import {
  acceptAgreement,
  currentStepHeading,
  joinByLink,
  noteItem,
  openPerson,
  type Person,
} from '../support/browser-session.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

/**
 * [AR3] An anonymous note that could not stay anonymous comes back to its author, in the browser:
 * Ann is the only one writing anonymously when the facilitator moves on, so her note is never
 * shown; the page gives her its text back, and she posts it with her name.
 */
describeWith('an anonymous note given back, in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let fay: LiveConnection;
  let ann: Person;

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      clientDir: clientDist,
      rooms: { releaseMinMs: 100, releaseJitterMs: 100 },
    });
    browser = await launchBrowser();
    const fayBrowser = new TestBrowser(server.baseUrl);
    const created = await fayBrowser.createSession('Team reflection', 'Fay');
    fay = fayBrowser.connect(created.session.id);
    await fay.waitUntilSynced();
    ann = await openPerson(browser, { viewport: { width: 390, height: 844 }, hasTouch: true });
    await joinByLink(ann, server.baseUrl, created.session.joinCode ?? '', 'Ann');
    await fay.goTo('agreement');
    await acceptAgreement(ann.page);
    await fay.goTo('what');
    for (const [stepId, visibility] of [
      ['what', 'anonymous'],
      ['so-what', 'named'],
    ] as const) {
      expect((await fay.command('step:visibility', { stepId, visibility })).ok).toBe(true);
    }
  });

  afterAll(async () => {
    fay?.close();
    await ann?.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('[AR3] the author sees the note waiting, then gets its text back when the step ends, and can post it named', async () => {
    const text = 'I left the handover worried about bed 4 and did not say so';
    const page = ann.page;
    await currentStepHeading(page, 'What?').waitFor();
    await page.getByRole('textbox', { name: 'Add a note to “What?”' }).fill(text);
    await page.getByRole('button', { name: /Add anonymous note to “What\?”/ }).click();
    await noteItem(page, text)
      .getByText(/Posted anonymously/)
      .waitFor();
    await saveScreenshot(page, 'anonymous-waiting-phone');
    await expectAccessible(page, 'board, phone, anonymous note waiting for its batch');

    await fay.goTo('so-what');
    const returned = page.getByRole('region', { name: 'Anonymous notes given back to you' });
    await returned.getByText(text).waitFor();
    await saveScreenshot(page, 'anonymous-returned-phone');
    await expectAccessible(page, 'board, phone, anonymous note given back');
    // Nobody else ever saw it.
    expect(JSON.stringify(fay.board().notes)).not.toContain(text);

    await returned.getByRole('button', { name: 'Post with my name' }).click();
    await returned.waitFor({ state: 'detached' });
    await expect
      .poll(() => noteItem(page, text).locator('.note-author').textContent(), { timeout: 10_000 })
      .toBe('Ann (you)');
    await fay.waitForBoard((board) =>
      board.notes.some((note) => note.text === text && note.authorName === 'Ann'),
    );
    expect(ann.problems).toEqual([]);
  });
});
