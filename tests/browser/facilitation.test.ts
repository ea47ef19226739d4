import type { Database } from '@reflectory/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { expectAccessible } from '../support/axe.ts';
import { controlSizes, openOnPhone, smallTouchTargets } from '../support/touch-targets.ts';
import { launchBrowser, saveScreenshot } from '../support/browser.ts';
import {
  acceptAgreement,
  countdownSeconds,
  currentStepHeading,
  goToStep,
  joinByLink,
  noteItem,
  openPerson,
  type Person,
} from '../support/browser-session.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { clientDist } from '../support/paths.ts';
import { chromium, describeWith } from '../support/suites.ts';

const soon = { timeout: 10_000, interval: 50 };

function addNoteBox(page: Page, step: string) {
  return page.getByRole('textbox', { name: `Add a note to “${step}”` });
}

/** Posts a note into the current step and waits until the server has taken it. */
async function post(page: Page, step: string, text: string): Promise<void> {
  await addNoteBox(page, step).fill(text);
  await addNoteBox(page, step).press('Enter');
  await expect.poll(() => noteItem(page, text).getByText('Saving…').count(), soon).toBe(0);
  await noteItem(page, text).waitFor();
}

async function next(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Next: ${title}` }).click();
  await currentStepHeading(page, title).waitFor();
}

function facilitatorPanel(page: Page) {
  return page.getByRole('region', { name: 'For facilitators' });
}

describeWith('facilitating a session in Chromium', chromium, () => {
  let database: Database;
  let server: RunningApp;
  let browser: Browser;
  let fay: Person; // facilitator
  let ann: Person;
  let ben: Person;
  let cleo: Person; // on a phone
  let participants: Person[];
  let everyone: Person[];
  let joinCode = '';

  const notes = {
    ann: 'The night team was two people short',
    ben: 'Nobody knew who was in charge of the ward',
    cleo: 'I stayed an hour late to finish the notes',
  };
  const thoughts = {
    ann: 'We cut corners when the shift is short',
    ben: 'The handover sheet leaves out the new patients',
    cleo: 'Nobody asks for help when it is busy',
  };

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      clientDir: clientDist,
      rooms: { releaseMinMs: 100, releaseJitterMs: 200, minBatch: 1 },
    });
    browser = await launchBrowser();
    fay = await openPerson(browser);
    ann = await openPerson(browser);
    ben = await openPerson(browser);
    cleo = await openPerson(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    participants = [ann, ben, cleo];
    everyone = [fay, ...participants];
  });

  // A failed step leaves a picture of every window, to see what each person saw.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const names = ['fay', 'ann', 'ben', 'cleo'];
    await Promise.all(
      everyone.map((person, index) =>
        saveScreenshot(person.page, `failed-facilitation-${names[index] ?? index}`),
      ),
    );
  });

  afterAll(async () => {
    for (const person of everyone ?? []) await person.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  describe('in order, as one meeting', () => {
    it('a facilitator composes a model of her own, keeps it, and picks a catalog model', async () => {
      const { page } = fay;
      await page.goto(`${server.baseUrl}/start`);
      const picker = page.getByRole('combobox', { name: 'Reflection model' });
      await expect.poll(() => picker.inputValue(), soon).toBe('what-so-what-now-what');
      const preview = page.getByRole('region', { name: 'What? So what? Now what?' });
      await preview.getByText('Borton').waitFor();
      expect(
        await preview
          .getByRole('list', { name: /^Stages of/ })
          .locator(':scope > li')
          .allTextContents(),
      ).toHaveLength(3);
      expect(
        await picker
          .locator('optgroup')
          .evaluateAll((groups) => groups.map((group) => group.getAttribute('label'))),
      ).toEqual(['Reflective models', 'Group formats', 'Retrospectives']);
      await page.getByRole('textbox', { name: 'Session title' }).fill('Thursday ward reflection');
      await page.getByRole('textbox', { name: 'Your name' }).fill('Fay');
      await saveScreenshot(page, 'facilitation-start');
      await expectAccessible(page, 'start page, model preview');

      await page.getByRole('button', { name: 'Compose your own model' }).click();
      const composer = page.getByRole('region', { name: 'Compose your own model' });
      await composer.getByRole('button', { name: 'Save model' }).click();
      await composer.getByRole('alert').filter({ hasText: 'fixing' }).waitFor();
      expect(
        await composer
          .getByRole('textbox', { name: 'Model name' })
          .evaluate((input) => input === document.activeElement),
      ).toBe(true);
      await expectAccessible(page, 'start page, model composer with an error');
      await composer.getByRole('textbox', { name: 'Model name' }).fill('Shift debrief');
      await composer
        .getByRole('textbox', { name: 'When to use it' })
        .fill('After a hard shift, briefly.');
      expect(await composer.getByRole('textbox', { name: 'Made by' }).inputValue()).toBe('Fay');
      await composer.getByRole('textbox', { name: 'Title' }).fill('What stayed with you?');
      await composer
        .getByRole('textbox', { name: 'Question 1' })
        .fill('What is still on your mind?');
      await composer.getByRole('button', { name: 'Add a stage' }).click();
      const second = composer.getByRole('group', { name: /^Stage 2/ });
      await second.getByRole('textbox', { name: 'Title' }).fill('One thing to try');
      await second
        .getByRole('textbox', { name: 'Question 1' })
        .fill('What will you try next shift?');
      await second.getByRole('combobox', { name: 'Who sees the notes' }).selectOption('anonymous');
      await second.getByRole('checkbox', { name: 'People vote on the notes' }).check();
      await second.getByRole('button', { name: /^Move up/ }).click();
      expect(
        await composer
          .getByRole('group', { name: /^Stage 1/ })
          .getByRole('textbox', { name: 'Title' })
          .inputValue(),
      ).toBe('One thing to try');
      await saveScreenshot(page, 'facilitation-compose-model');
      await expectAccessible(page, 'start page, model composer with two stages');
      await composer.getByRole('button', { name: 'Save model' }).click();
      await composer.waitFor({ state: 'detached' });
      expect(await picker.locator('option:checked').textContent()).toBe('Shift debrief');
      const mine = page.getByRole('region', { name: 'Shift debrief' });
      expect(
        await mine
          .getByRole('list', { name: /^Stages of/ })
          .locator(':scope > li')
          .allTextContents(),
      ).toEqual([
        expect.stringMatching(/^One thing to try · 10 min · Anonymous · voting/),
        expect.stringMatching(/^What stayed with you\? · 10 min · Named/),
      ]);

      // Kept by this browser: offered again after a reload, under "Your models".
      await page.reload();
      await expect
        .poll(() => picker.locator('optgroup[label="Your models"] option').allTextContents(), soon)
        .toEqual(['Shift debrief']);
      await picker.selectOption('what-so-what-now-what');
      await page.getByRole('textbox', { name: 'Session title' }).fill('Thursday ward reflection');
      await page.getByRole('textbox', { name: 'Your name' }).fill('Fay');
      await page.getByRole('button', { name: 'Start session' }).click();
      await page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
      await currentStepHeading(page, 'Lobby').waitFor();
      joinCode = (await page.locator('.join-code').textContent()) ?? '';
      expect(fay.problems).toEqual([]);
    });

    it('everyone reads and accepts the agreement before writing, late joiners too', async () => {
      await joinByLink(ann, server.baseUrl, joinCode, 'Ann');
      await joinByLink(ben, server.baseUrl, joinCode, 'Ben');
      await next(fay.page, 'Check-in');
      await next(fay.page, 'Agreement');
      for (const { page } of [ann, ben]) {
        await currentStepHeading(page, 'Agreement').waitFor();
        await page.getByRole('button', { name: 'I agree' }).waitFor();
      }
      const panel = facilitatorPanel(fay.page);
      await expect
        .poll(
          () =>
            panel
              .getByRole('list', { name: 'Not accepted the agreement yet' })
              .getByRole('listitem')
              .allTextContents(),
          soon,
        )
        .toEqual(['Ann', 'Ben']);
      await saveScreenshot(fay.page, 'facilitation-agreement-facilitator');
      await saveScreenshot(ann.page, 'facilitation-agreement-participant');
      await expectAccessible(fay.page, 'board, agreement step, facilitator');
      await expectAccessible(ann.page, 'board, agreement step, participant');
      await acceptAgreement(ann.page);
      await acceptAgreement(ben.page);
      await ann.page.getByText('You have accepted the agreement.').waitFor();

      await next(fay.page, 'What?');
      // Cleo joins late, in the middle of the first stage: she lands there, and agrees first.
      await joinByLink(cleo, server.baseUrl, joinCode, 'Cleo');
      await currentStepHeading(cleo.page, 'What?').waitFor();
      expect(await addNoteBox(cleo.page, 'What?').count()).toBe(0);
      await panel
        .getByRole('list', { name: 'Not accepted the agreement yet' })
        .getByText('Cleo')
        .waitFor();
      await acceptAgreement(cleo.page);
      await panel.getByText('Every participant has accepted it.').waitFor();
      for (const person of everyone) expect(person.problems).toEqual([]);
    });

    it('silent writing: each person sees only their own notes, the facilitator only a count; the timer runs for all', async () => {
      await fay.page.getByRole('button', { name: 'Start timer (15 min)' }).click();
      for (const { page } of everyone) {
        await page.locator('.timer-running').waitFor();
      }
      await post(ann.page, 'What?', notes.ann);
      await post(ben.page, 'What?', notes.ben);
      await post(cleo.page, 'What?', notes.cleo);

      for (const [person, own] of [
        [ann, notes.ann],
        [ben, notes.ben],
        [cleo, notes.cleo],
      ] as const) {
        await noteItem(person.page, own).getByText('Only you see this until the reveal').waitFor();
        for (const other of Object.values(notes).filter((text) => text !== own)) {
          expect(await noteItem(person.page, other).count()).toBe(0);
        }
      }
      await fay.page.getByRole('button', { name: 'Reveal 3 hidden notes' }).waitFor();
      await fay.page.getByText('3 notes are written and hidden until you reveal them').waitFor();
      for (const text of Object.values(notes))
        expect(await noteItem(fay.page, text).count()).toBe(0);

      // The countdown goes down in every window, and the windows agree within a couple of seconds.
      const first = await Promise.all(everyone.map(({ page }) => countdownSeconds(page)));
      await new Promise((resolve) => setTimeout(resolve, 2200));
      const later = await Promise.all(everyone.map(({ page }) => countdownSeconds(page)));
      later.forEach((seconds, index) => expect(seconds).toBeLessThan(first[index] ?? 0));
      expect(Math.max(...later) - Math.min(...later)).toBeLessThanOrEqual(2);
      expect(Math.max(...later)).toBeLessThanOrEqual(15 * 60);
      expect(Math.min(...later)).toBeGreaterThan(14 * 60);
      await saveScreenshot(fay.page, 'facilitation-silent-writing-facilitator');
      await saveScreenshot(ann.page, 'facilitation-silent-writing-participant');
      await saveScreenshot(cleo.page, 'facilitation-silent-writing-phone');
      await expectAccessible(fay.page, 'board, silent writing with the timer, facilitator');
      await expectAccessible(ann.page, 'board, silent writing with the timer, participant');
      await expectAccessible(cleo.page, 'board, silent writing with the timer, phone');

      await fay.page.getByRole('button', { name: 'Reveal 3 hidden notes' }).click();
      for (const { page } of everyone) {
        for (const text of Object.values(notes)) await noteItem(page, text).waitFor();
      }
      expect(await noteItem(ann.page, notes.ben).textContent()).toContain('Ben');

      // A note in the spotlight is shown to everyone, marked in words.
      await noteItem(fay.page, notes.ben)
        .getByRole('button', { name: /^Spotlight/ })
        .click();
      for (const { page } of participants) {
        await page.getByRole('region', { name: 'In the spotlight' }).getByText(notes.ben).waitFor();
      }
      await saveScreenshot(ann.page, 'facilitation-reveal-participant');
      await saveScreenshot(fay.page, 'facilitation-reveal-facilitator');
      await expectAccessible(ann.page, 'board, revealed with a spotlight, participant');
      await expectAccessible(fay.page, 'board, revealed with a spotlight, facilitator');
      for (const person of everyone) expect(person.problems).toEqual([]);
    });

    it('themes: one note dragged into a theme, one moved with the keyboard, seen by all', async () => {
      const { page } = fay;
      await next(page, 'So what?');
      await post(ann.page, 'So what?', thoughts.ann);
      await post(ben.page, 'So what?', thoughts.ben);
      await post(cleo.page, 'So what?', thoughts.cleo);
      await page.getByRole('button', { name: 'Reveal 3 hidden notes' }).click();
      for (const text of Object.values(thoughts)) await noteItem(page, text).waitFor();

      const newTheme = page.getByRole('textbox', { name: 'New theme' });
      await newTheme.fill('Staffing');
      await newTheme.press('Enter');
      await newTheme.fill('Handover tools');
      await page.getByRole('button', { name: 'Add theme' }).click();
      const staffing = page.getByRole('region', { name: 'Staffing' });
      await staffing.waitFor();
      await page.getByRole('region', { name: 'Handover tools' }).waitFor();

      // By pointer: drag and drop.
      await noteItem(page, thoughts.ann).dragTo(staffing);
      await staffing.locator('li.note').filter({ hasText: thoughts.ann }).waitFor();

      // By keyboard alone: "Move to theme…", type to pick the theme, Tab to Move, Enter.
      await noteItem(page, thoughts.ben)
        .getByRole('button', { name: /^Move to theme/ })
        .focus();
      await page.keyboard.press('Enter');
      await page.keyboard.type('Handover');
      expect(
        await noteItem(page, thoughts.ben)
          .getByRole('combobox')
          .locator('option:checked')
          .textContent(),
      ).toBe('Handover tools');
      await expectAccessible(page, 'board, themes, moving a note by keyboard');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const handover = page.getByRole('region', { name: 'Handover tools' });
      await handover.locator('li.note').filter({ hasText: thoughts.ben }).waitFor();
      await handover.getByRole('button', { name: /^Rename/ }).click();
      await handover.getByRole('textbox', { name: 'Theme title' }).fill('The handover sheet');
      await handover.getByRole('textbox', { name: 'Theme title' }).press('Enter');

      for (const { page: other } of participants) {
        await other
          .getByRole('region', { name: 'Staffing' })
          .locator('li.note')
          .filter({ hasText: thoughts.ann })
          .waitFor();
        await other
          .getByRole('region', { name: 'The handover sheet' })
          .locator('li.note')
          .filter({ hasText: thoughts.ben })
          .waitFor();
        await other
          .getByRole('region', { name: 'Not in a theme' })
          .locator('li.note')
          .filter({ hasText: thoughts.cleo })
          .waitFor();
        expect(await other.getByRole('button', { name: /^Move to theme/ }).count()).toBe(0);
      }
      await saveScreenshot(page, 'facilitation-themes-facilitator');
      await saveScreenshot(ben.page, 'facilitation-themes-participant');
      await expectAccessible(page, 'board, themes, facilitator');
      await expectAccessible(ben.page, 'board, themes, participant');
      for (const person of everyone) expect(person.problems).toEqual([]);
    });

    it('voting: votes left shown while open, each person’s own votes marked', async () => {
      await fay.page.getByRole('button', { name: 'Open voting' }).click();
      for (const { page } of participants) await page.getByText('3 votes left.').waitFor();

      const vote = (page: Page, text: string) =>
        noteItem(page, text).getByRole('button', { name: /^Vote for note/ });
      await vote(ann.page, thoughts.ben).click();
      await vote(ann.page, thoughts.cleo).click();
      await ann.page.getByText('1 vote left.').waitFor();
      expect(await vote(ann.page, thoughts.ben).getAttribute('aria-pressed')).toBe('true');
      expect(await vote(ann.page, thoughts.ann).getAttribute('aria-pressed')).toBe('false');
      await noteItem(ann.page, thoughts.ben).getByText('Your vote').waitFor();
      await vote(ben.page, thoughts.ben).click();
      await ben.page.getByText('2 votes left.').waitFor();
      await vote(cleo.page, thoughts.ann).click();
      await cleo.page.getByText('2 votes left.').waitFor();
      expect(await fay.page.locator('.note-tally').count()).toBe(0);
      await saveScreenshot(ann.page, 'facilitation-voting-participant');
      await saveScreenshot(fay.page, 'facilitation-voting-facilitator');
      await expectAccessible(ann.page, 'board, voting, participant');
      await expectAccessible(cleo.page, 'board, voting, phone');
      await expectAccessible(fay.page, 'board, voting, facilitator');
      // The facilitator's controls work on a phone too: everything wraps within 390 px.
      await fay.page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(fay.page, 'facilitation-voting-facilitator-phone');
      await expectAccessible(fay.page, 'board, voting, facilitator on a phone-sized window');
      expect(
        await fay.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      await fay.page.setViewportSize({ width: 1280, height: 900 });
      for (const person of everyone) expect(person.problems).toEqual([]);
    });

    it('on a touch screen every control is at least 44 × 44 CSS px: Vote, Edit and Delete, and the facilitator’s', async () => {
      expect(await cleo.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      const cleos = await controlSizes(cleo.page);
      for (const name of [/^Vote for note/, /^Edit note/, /^Delete note/, /^Add note/]) {
        expect(cleos.map((control) => control.name)).toContainEqual(expect.stringMatching(name));
      }
      expect(await smallTouchTargets(cleo.page)).toEqual([]);

      // The facilitator's controls show on her board only: she opens it on a phone as well.
      const fayOnPhone = await openOnPhone(browser, fay);
      await noteItem(fayOnPhone, thoughts.ben)
        .getByRole('button', { name: /^Spotlight/ })
        .waitFor();
      const fays = (await controlSizes(fayOnPhone)).map((control) => control.name);
      for (const name of [/^Spotlight/, /^Move to theme/, /^\+1 minute$/, /^Make co-facilitator/]) {
        expect(fays).toContainEqual(expect.stringMatching(name));
      }
      expect(await smallTouchTargets(fayOnPhone)).toEqual([]);
      await fayOnPhone.context().close();
    });

    it('voting: tallies only after closing, never who voted', async () => {
      await fay.page.getByRole('button', { name: 'Close voting and show results' }).click();
      for (const { page } of everyone) {
        await expect
          .poll(() => noteItem(page, thoughts.ben).locator('.note-tally').textContent(), soon)
          .toBe('2 votes');
        expect(await noteItem(page, thoughts.cleo).locator('.note-tally').textContent()).toBe(
          '1 vote',
        );
        expect(await page.getByRole('button', { name: /^Vote for note/ }).count()).toBe(0);
      }
      // Sorted by votes, themes come in the order of their votes: 2, 1, then notes in no theme.
      const themeTitles = () => ann.page.locator('.themes > section h3').allTextContents();
      expect(await themeTitles()).toEqual(['Staffing', 'The handover sheet', 'Not in a theme']);
      await ann.page.getByRole('checkbox', { name: /^Sort by votes, most first/ }).check();
      expect(await themeTitles()).toEqual(['The handover sheet', 'Staffing', 'Not in a theme']);
      for (const { page } of everyone) {
        for (const name of ['Ann', 'Ben', 'Cleo']) {
          expect(await page.locator('.note-tally').filter({ hasText: name }).count()).toBe(0);
        }
      }
      await saveScreenshot(ben.page, 'facilitation-tallies-participant');
      await expectAccessible(ben.page, 'board, vote tallies, participant');
      for (const person of everyone) expect(person.problems).toEqual([]);
    });

    it('an anonymous note shows no author in any window; its author recognises it', async () => {
      await next(fay.page, 'Now what?');
      const text = 'Say so at the start of the shift when we are short';
      await addNoteBox(ben.page, 'Now what?').fill(text);
      await ben.page.getByRole('checkbox', { name: 'Post anonymously' }).check();
      expect(
        await ben.page.getByRole('link', { name: /What anonymous means/ }).getAttribute('href'),
      ).toBe('/anonymity');
      await ben.page.getByRole('button', { name: 'Add anonymous note to “Now what?”' }).click();
      await noteItem(ben.page, text)
        .getByText(/Posted anonymously|Saving/)
        .waitFor();
      await saveScreenshot(ben.page, 'facilitation-anonymous-posting');
      await expectAccessible(ben.page, 'board, anonymous note just posted, its author');
      for (const { page } of everyone) {
        const note = noteItem(page, text);
        await note
          .locator('.note-author')
          .filter({ hasText: /^Anonymous/ })
          .waitFor();
        expect(await note.textContent()).not.toContain('Ben');
      }
      await expect
        .poll(() => noteItem(ben.page, text).locator('.note-author').textContent(), soon)
        .toBe('Anonymous (you)');
      expect(await noteItem(ann.page, text).locator('.note-author').textContent()).toBe(
        'Anonymous',
      );
      // Its author can still change it, proving ownership with the secret only this browser has.
      await noteItem(ben.page, text).getByRole('button', { name: /^Edit/ }).click();
      await ben.page.getByRole('textbox', { name: 'Edit your note' }).press('End');
      await ben.page.keyboard.type(', and ask for cover');
      await ben.page.keyboard.press('Enter');
      await noteItem(fay.page, `${text}, and ask for cover`).waitFor();
      await post(cleo.page, 'Now what?', 'Ask the ward manager for a second senior nurse');
      await saveScreenshot(cleo.page, 'facilitation-anonymous-phone');
      await expectAccessible(fay.page, 'board, an anonymous note, facilitator');
      for (const person of everyone) expect(person.problems).toEqual([]);
    });

    it('actions with an owner and a due date; then check-out', async () => {
      const { page } = fay;
      await next(page, 'Actions');
      await page
        .getByRole('textbox', { name: 'New action' })
        .fill('Print the handover sheet before each shift');
      await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Ben' });
      await page.getByLabel('Due date (optional)').fill('2026-12-05');
      await page.getByRole('button', { name: 'Add action' }).click();
      await page
        .getByRole('textbox', { name: 'New action' })
        .fill('Raise staffing at the team meeting');
      await page.getByRole('button', { name: 'Add action' }).click();
      for (const { page: other } of everyone) {
        const list = other.getByRole('list', { name: 'Actions' });
        const first = list.getByRole('listitem').filter({ hasText: 'Print the handover sheet' });
        await first.waitFor();
        expect(await first.textContent()).toContain('Ben');
        expect(await first.textContent()).toContain('5 December 2026');
        const second = list.getByRole('listitem').filter({ hasText: 'Raise staffing' });
        await second.waitFor();
        expect(await second.textContent()).toContain('The team');
      }
      expect(await ann.page.getByRole('button', { name: /^(Edit|Remove) action/ }).count()).toBe(0);
      await saveScreenshot(page, 'facilitation-actions-facilitator');
      await saveScreenshot(cleo.page, 'facilitation-actions-phone');
      await expectAccessible(page, 'board, actions step, facilitator');
      await expectAccessible(cleo.page, 'board, actions step, phone');

      // Back one step, then straight to any step from the step bar.
      await page.getByRole('button', { name: 'Back: Now what?' }).click();
      await currentStepHeading(cleo.page, 'Now what?').waitFor();
      await goToStep(page, 'Check-out');
      await currentStepHeading(cleo.page, 'Check-out').waitFor();
      await post(cleo.page, 'Check-out', 'Lighter than when I came in');
      await noteItem(page, 'Lighter than when I came in').waitFor();

      // The facilitator names a co-facilitator, who then holds the controls, and takes it back.
      await page.getByRole('button', { name: /^Make co-facilitator\W+Ann/ }).click();
      await ann.page.getByRole('group', { name: 'Facilitator controls for this step' }).waitFor();
      await facilitatorPanel(ann.page).waitFor();
      await expectAccessible(ann.page, 'board, co-facilitator');
      await page.getByRole('button', { name: /^Remove as co-facilitator\W+Ann/ }).click();
      await facilitatorPanel(ann.page).waitFor({ state: 'detached' });

      // An observer reads the board and writes nothing.
      await page.getByRole('button', { name: /^Make observer\W+Ben/ }).click();
      await ben.page.getByRole('region', { name: 'Here now' }).getByText('(observer)').waitFor();
      expect(await addNoteBox(ben.page, 'Check-out').count()).toBe(0);
      await expectAccessible(ben.page, 'board, observer');

      // Someone can be removed: they are disconnected at once and told so.
      await page.getByRole('button', { name: /^Remove\W+Ben from the session/ }).click();
      await page.getByRole('button', { name: 'Remove Ben' }).waitFor();
      await expectAccessible(page, 'board, remove-person confirmation');
      await page.getByRole('button', { name: 'Remove Ben' }).click();
      await ben.page
        .getByRole('alert')
        .filter({ hasText: /no longer|removed/i })
        .waitFor();
      await expectAccessible(ben.page, 'board, removed from the session');
      await expect
        .poll(
          () => page.getByRole('region', { name: 'Here now' }).getByRole('listitem').count(),
          soon,
        )
        .toBe(3);

      await saveScreenshot(cleo.page, 'facilitation-check-out-phone');
      await saveScreenshot(page, 'facilitation-check-out-facilitator');
      await expectAccessible(cleo.page, 'board, check-out, phone');
      expect(
        await cleo.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(390);
      for (const person of everyone) expect(person.problems).toEqual([]);
    });
  });
});
