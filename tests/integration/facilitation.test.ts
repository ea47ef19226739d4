import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { findModel } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { TestBrowser, waitFor, type LiveConnection } from '../support/live-client.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** A facilitator, a co-facilitator and three participants in one session over real sockets. */
async function fivePeople(baseUrl: string, modelId: string, connections: LiveConnection[]) {
  const fayBrowser = new TestBrowser(baseUrl);
  const created = await fayBrowser.request<{ session: { id: string; joinCode: string } }>(
    'POST',
    '/api/sessions',
    {
      title: 'Thursday supervision',
      facilitatorName: 'Fay',
      modelId,
    },
  );
  expect(created.status).toBe(201);
  const { id, joinCode } = created.body.session;
  const names = ['Cora', 'Ann', 'Ben', 'Dee'];
  const people = await Promise.all(
    names.map(async (name) => {
      const browser = new TestBrowser(baseUrl);
      const membership = await browser.join(joinCode, name);
      return { name, browser, id: membership.you.id };
    }),
  );
  const fay = fayBrowser.connect(id);
  const live = people.map((person) => person.browser.connect(id));
  connections.push(fay, ...live);
  await Promise.all([fay, ...live].map((connection) => connection.waitUntilSynced()));
  const [cora, ann, ben, dee] = live as [
    LiveConnection,
    LiveConnection,
    LiveConnection,
    LiveConnection,
  ];
  const ids = Object.fromEntries(people.map((person) => [person.name, person.id])) as Record<
    string,
    string
  >;
  const browsers = Object.fromEntries(people.map((person) => [person.name, person.browser]));
  return {
    sessionId: id,
    joinCode,
    fay,
    cora,
    ann,
    ben,
    dee,
    ids,
    all: [fay, ...live],
    benBrowser: browsers.Ben as TestBrowser,
  };
}

function facilitationSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: logs,
      // One anonymous writer here: batches of one (AR1) keep this test about its own subject.
      rooms: { releaseMinMs: 100, releaseJitterMs: 200, minBatch: 1 },
    });
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  it('five people run a whole Gibbs session, check-in to check-out', async () => {
    const { fay, cora, ann, ben, dee, ids, all } = await fivePeople(
      server.baseUrl,
      'gibbs',
      connections,
    );
    const participants = [ann, ben, dee];
    const gibbs = findModel('gibbs');
    expect(gibbs).toBeDefined();
    expect(fay.board().steps.map((step) => step.id)).toEqual([
      'lobby',
      'check-in',
      'agreement',
      ...(gibbs?.stages.map((stage) => stage.id) ?? []),
      'actions',
      'check-out',
    ]);

    // The facilitator names a co-facilitator, who then holds the controls.
    ok(await fay.command('role:set', { participantId: ids.Cora ?? '', role: 'co-facilitator' }));
    await waitFor(() => cora.privateView?.role === 'co-facilitator', 5000, 'Cora promoted');
    await waitFor(
      () => cora.facilitationView !== undefined,
      5000,
      'Cora sees the facilitation view',
    );

    // Check-in: nobody may post before accepting the agreement; the facilitator sees who has not.
    await fay.goTo('check-in');
    await waitFor(() => fay.facilitationView?.notAccepted.length === 3, 5000, 'three not accepted');
    const early = await ann.command('note:add', { areaId: 'check-in', text: 'Tired but here' });
    expect(early).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await fay.goTo('agreement');
    await Promise.all(participants.map((person) => person.accept()));
    await waitFor(() => fay.facilitationView?.notAccepted.length === 0, 5000, 'everyone accepted');
    await cora.goTo('check-in');
    for (const [person, text] of [
      [ann, 'Tired but here'],
      [ben, 'Glad to have the time'],
      [dee, 'A bit anxious about this one'],
    ] as const) {
      ok(await person.command('note:add', { areaId: 'check-in', text }));
    }
    await fay.waitForBoard(
      (board) => board.notes.filter((note) => note.stepId === 'check-in').length === 3,
    );

    // Every stage of the model, with silent writing and a reveal where the stage is hidden.
    for (const stage of gibbs?.stages ?? []) {
      await fay.goTo(stage.id);
      const texts = participants.map((_, index) => `${stage.title}: thought ${index + 1}`);
      const secrets: string[] = [];
      await Promise.all(
        participants.map(async (person, index) => {
          const secret = randomBytes(32).toString('base64url');
          secrets.push(secret);
          const anonymous = stage.visibility === 'anonymous';
          ok(
            await person.command('note:add', {
              areaId: stage.id,
              text: texts[index] ?? '',
              ...(anonymous ? { secret } : {}),
            }),
          );
        }),
      );
      if (stage.visibility === 'hidden') {
        // Silent writing: only the author sees their own note; the board holds none of them.
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (const connection of all) {
          expect(connection.board().notes.filter((note) => note.stepId === stage.id)).toEqual([]);
        }
        await waitFor(
          () => fay.facilitationView?.hiddenCounts[stage.id] === 3,
          5000,
          'hidden count',
        );
        expect(JSON.stringify(fay.facilitationView)).not.toContain(texts[0]);
        await waitFor(
          () => ann.privateView?.hiddenNotes.length === 1,
          5000,
          'Ann sees her own hidden note',
        );
        expect(ok(await fay.command('step:reveal', { stepId: stage.id }))).toEqual({ revealed: 3 });
      }
      for (const connection of all) {
        const board = await connection.waitForBoard(
          (b) => b.notes.filter((note) => note.stepId === stage.id).length === 3,
        );
        const stageNotes = board.notes.filter((note) => note.stepId === stage.id);
        expect(stageNotes.map((note) => note.text).sort()).toEqual([...texts].sort());
        if (stage.visibility === 'anonymous') {
          for (const note of stageNotes) {
            expect(note.anonymous).toBe(true);
            expect(note.authorId).toBeUndefined();
            expect(note.authorName).toBeUndefined();
          }
        }
      }

      if (stage.voting) {
        ok(await fay.command('voting:open', { stepId: stage.id, budget: 2, maxPerNote: 1 }));
        const target = fay.board().notes.find((note) => note.stepId === stage.id)?.id ?? '';
        await waitFor(() => ann.privateView?.votes?.remaining === 2, 5000, 'Ann has two votes');
        await Promise.all(
          participants.map((person) => person.command('vote:cast', { noteId: target })),
        );
        await waitFor(() => ann.privateView?.votes?.remaining === 1, 5000, 'Ann has one vote left');
        expect(fay.board().tallies[stage.id]).toBeUndefined();
        ok(await fay.command('voting:close', { stepId: stage.id }));
        const board = await dee.waitForBoard((b) => b.tallies[stage.id] !== undefined);
        expect(board.tallies[stage.id]?.counts).toEqual({ [target]: 3 });
      }

      if (stage.grouping) {
        const { groupId } = ok(
          await fay.command('group:create', { stepId: stage.id, title: 'Common thread' }),
        );
        const first = fay.board().notes.find((note) => note.stepId === stage.id)?.id ?? '';
        ok(await fay.command('note:group', { noteId: first, groupId }));
        const board = await ben.waitForBoard(
          (b) => b.notes.find((note) => note.id === first)?.groupId === groupId,
        );
        expect(board.groups).toContainEqual({
          id: groupId,
          stepId: stage.id,
          title: 'Common thread',
        });
      }
    }

    // Actions with owners and dates, then check-out and close.
    await fay.goTo('actions');
    const { actionId } = ok(
      await fay.command('action:add', {
        text: 'Share the handover checklist with the night team',
        owner: { kind: 'participant', participantId: ids.Ben ?? '' },
        due: '2026-12-05',
      }),
    );
    ok(
      await fay.command('action:add', {
        text: 'Review in next supervision',
        owner: { kind: 'team', participantId: null },
        due: null,
      }),
    );
    const withActions = await dee.waitForBoard((board) => board.actions.length === 2);
    expect(withActions.actions.find((action) => action.id === actionId)?.owner).toEqual({
      kind: 'participant',
      participantId: ids.Ben,
      name: 'Ben',
    });
    await fay.goTo('check-out');
    ok(await ben.command('note:add', { areaId: 'check-out', text: 'Lighter than when I came in' }));
    ok(await fay.command('session:close', {}));
    for (const connection of all)
      await connection.waitForBoard((board) => board.status === 'closed');
    expect(logs.text()).not.toContain('Lighter than when I came in');
  });

  it('the server fires the timer at its deadline; everyone sees the same deadline', async () => {
    const { fay, ann } = await fivePeople(server.baseUrl, 'what-so-what-now-what', connections);
    await fay.goTo('what');
    ok(await fay.command('timer:start', { durationMs: 1500 }));
    const running = await ann.waitForBoard((board) => board.timer?.status === 'running');
    expect(running.timer?.deadline).toBe(fay.board().timer?.deadline);
    const clock = await ann.socket.emitWithAck('time:sync', {});
    expect(Math.abs(clock.serverNow - Date.now())).toBeLessThan(1000);
    await ann.waitForBoard((board) => board.timer?.status === 'expired', 5000);
    ok(await fay.command('timer:extend', { ms: 60_000 }));
    await ann.waitForBoard((board) => board.timer?.status === 'running');
    ok(await fay.command('timer:pause', {}));
    const paused = await ann.waitForBoard((board) => board.timer?.status === 'paused');
    expect(paused.timer?.remainingMs).toBeGreaterThan(55_000);
    ok(await fay.command('timer:reset', {}));
    await ann.waitForBoard((board) => board.timer?.status === 'idle');
  });

  it('a late joiner lands in the current stage; a demoted co-facilitator’s next command is refused', async () => {
    const { fay, cora, ids, sessionId, joinCode } = await fivePeople(
      server.baseUrl,
      'four-ls',
      connections,
    );
    ok(await fay.command('role:set', { participantId: ids.Cora ?? '', role: 'co-facilitator' }));
    const stage = findModel('four-ls')?.stages[1]?.id ?? '';
    await cora.goTo(stage);
    ok(await fay.command('role:set', { participantId: ids.Cora ?? '', role: 'participant' }));
    expect(await cora.command('step:go', { stepIndex: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const late = new TestBrowser(server.baseUrl);
    await late.join(joinCode, 'Late Lee');
    const lee = late.connect(sessionId);
    connections.push(lee);
    await lee.waitUntilSynced();
    expect(lee.board().currentStep?.id).toBe(stage);
  });

  it('a removed participant’s connections close at once and the browser cannot come back as them', async () => {
    const { fay, ben, ids, joinCode, benBrowser } = await fivePeople(
      server.baseUrl,
      'what-so-what-now-what',
      connections,
    );
    const refused = new Promise<{ message: string }>((resolve) =>
      ben.socket.once('connection:refused', resolve),
    );
    const closed = new Promise<{ code: number }>((resolve) => ben.provider.once('closed', resolve));
    ok(await fay.command('participant:remove', { participantId: ids.Ben ?? '' }));
    expect((await refused).message).toMatch(/removed you/);
    expect((await closed).code).toBe(4401);
    await waitFor(() => !fay.roster().includes('Ben'), 5000, 'Ben gone from the roster');
    const again = ben.socket.connect();
    const error = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
    expect(error.message).toMatch(/has not joined/);
    const rejoin = await benBrowser.request<{ error: { message: string } }>('POST', '/api/join', {
      code: joinCode,
      displayName: 'Ben again',
    });
    expect(rejoin.status).toBe(403);
    expect(rejoin.body.error.message).toMatch(/removed you/);
  });

  it('an anonymous note holds no author anywhere: not in the board, the rows or the event log', async () => {
    const { fay, ann, ids, sessionId } = await fivePeople(
      server.baseUrl,
      'critical-incident-questionnaire',
      connections,
    );
    await fay.goTo('agreement');
    await ann.accept();
    const first = fay.board().steps.find((step) => step.kind === 'stage');
    await fay.goTo(first?.id ?? '');
    const secret = randomBytes(32).toString('base64url');
    const { noteId } = ok(
      await ann.command('note:add', {
        areaId: first?.id ?? '',
        text: 'ANON-MARKER engaged',
        secret,
      }),
    );
    const board = await fay.waitForBoard((b) => b.notes.some((note) => note.id === noteId));
    const note = board.notes.find((candidate) => candidate.id === noteId);
    expect(note).toMatchObject({ anonymous: true, authorId: undefined, authorName: undefined });

    const rows = await database.db.execute(
      sql`select row_to_json(n)::text as row from notes n where n.id = ${noteId}
          union all select e.event::text from session_events e
            where e.session_id = ${sessionId} and e.event::text like ${`%${noteId}%`}
          union all select r.result::text from command_receipts r
            where r.session_id = ${sessionId} and r.result::text like ${`%${noteId}%`}`,
    );
    const dump = JSON.stringify(rows);
    expect(dump).toContain('ANON-MARKER');
    expect(dump).toMatch(/author_id\\*":null/);
    expect(dump).not.toContain(ids.Ann);
    expect(dump).not.toContain(secret);
    const ownerHash = createHash('sha256').update(`reflectory-note:${secret}`).digest('hex');
    expect(dump).toContain(ownerHash);

    // Its author edits it with the secret; anyone else, or the author without it, is refused.
    expect(
      await fay.command('note:edit', {
        noteId,
        text: 'changed',
        secret: randomBytes(32).toString('base64url'),
      }),
    ).toMatchObject({ ok: false });
    expect(await ann.command('note:edit', { noteId, text: 'changed' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    ok(await ann.command('note:edit', { noteId, text: 'ANON-MARKER edited', secret }));
    await fay.waitForBoard(
      (b) => b.notes.find((candidate) => candidate.id === noteId)?.text === 'ANON-MARKER edited',
    );

    const raw = new Y.Doc();
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(fay.doc));
    expect(JSON.stringify(raw.toJSON())).not.toContain(ids.Ann);
  });
}

describeOnEachDatabase('facilitation', facilitationSuite);
