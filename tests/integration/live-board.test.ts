import type { Database } from '@reflectory/server';
import { type Membership } from '@reflectory/shared';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { TestBrowser, waitFor, type LiveConnection } from '../support/live-client.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';

/**
 * The live board end to end: real HTTP, real Socket.IO and y-websocket clients, a real database.
 * The same suite runs on PGlite and on PostgreSQL.
 */
function liveBoardSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  const connections: LiveConnection[] = [];

  const start = (port?: number) =>
    startApp(
      {
        database,
        logLevel: 'info',
        logStream: logs,
        rooms: { compactAfter: 5, sweepMs: 200, idleMs: 60_000 },
      },
      port === undefined ? {} : { port },
    );

  beforeAll(async () => {
    database = await open();
    server = await start();
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  /** A facilitator and two participants, all connected and synced. */
  async function threePeople(title = 'Ward 7 debrief') {
    const fayBrowser = new TestBrowser(server.baseUrl);
    const membership = await fayBrowser.createSession(title, 'Fay');
    const code = membership.session.joinCode ?? '';
    const annBrowser = new TestBrowser(server.baseUrl);
    const benBrowser = new TestBrowser(server.baseUrl);
    const ann = await annBrowser.join(code, 'Ann');
    const ben = await benBrowser.join(code.toLowerCase(), '  Ben  ');
    const fay = fayBrowser.connect(membership.session.id);
    const annLive = annBrowser.connect(membership.session.id);
    // Ben holds the board as the browser does, over the Socket.IO connection; the others over
    // /yjs/ as standard y-websocket clients: every test here runs on both carriers.
    const benLive = benBrowser.connect(membership.session.id, { board: 'carried' });
    connections.push(fay, annLive, benLive);
    await Promise.all([
      fay.waitUntilSynced(),
      annLive.waitUntilSynced(),
      benLive.waitUntilSynced(),
    ]);
    await Promise.all([annLive.accept(), benLive.accept()]);
    await fay.goTo('what');
    // The model makes this stage silent writing; these tests are about named notes.
    expect((await fay.command('step:visibility', { stepId: 'what', visibility: 'named' })).ok).toBe(
      true,
    );
    await Promise.all(
      [annLive, benLive].map((live) =>
        live.waitForBoard((board) => board.currentStep?.id === 'what'),
      ),
    );
    return {
      membership,
      code,
      fay,
      ann: annLive,
      ben: benLive,
      annId: ann.you.id,
      benId: ben.you.id,
      annBrowser,
      benBrowser,
      fayBrowser,
    };
  }

  it('a facilitator creates a session and two people join by code; all hold the same board', async () => {
    const { membership, fay, ann, ben } = await threePeople();
    expect(membership.you.role).toBe('facilitator');
    expect(membership.session.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    for (const live of [fay, ann, ben]) {
      const board = live.board();
      expect(board.title).toBe('Ward 7 debrief');
      expect(board.status).toBe('open');
      expect(board.modelName).toBe('What? So what? Now what?');
      expect(board.areas.map((area) => area.title)).toEqual([
        'Check-in',
        'What?',
        'So what?',
        'Now what?',
        'Check-out',
      ]);
    }
    await waitFor(
      () => [fay, ann, ben].every((live) => live.roster().join() === 'Ann,Ben,Fay'),
      5000,
      'roster',
    );
  });

  it('notes added, edited and deleted reach every other client', async () => {
    const { fay, ann, ben } = await threePeople();
    const added = await ann.command('note:add', {
      areaId: 'what',
      text: '  The handover was rushed  ',
    });
    expect(added.ok).toBe(true);
    const noteId = added.ok ? added.data.noteId : '';
    for (const live of [fay, ben]) {
      const board = await live.waitForBoard((b) => b.notes.length === 1);
      expect(board.notes[0]).toMatchObject({
        id: noteId,
        areaId: 'what',
        text: 'The handover was rushed',
        authorName: 'Ann',
      });
    }

    expect(
      (await ann.command('note:edit', { noteId, text: 'The night handover was rushed' })).ok,
    ).toBe(true);
    await ben.waitForBoard((b) => b.notes[0]?.text === 'The night handover was rushed');
    expect(ben.board().notes[0]?.editedAt).toBeTypeOf('number');

    expect((await ann.command('note:delete', { noteId })).ok).toBe(true);
    await fay.waitForBoard((b) => b.notes.length === 0);
    await ben.waitForBoard((b) => b.notes.length === 0);
  });

  it('a participant may not edit or delete another person’s note; the facilitator may delete it', async () => {
    const { fay, ann, ben } = await threePeople();
    const added = await ann.command('note:add', { areaId: 'what', text: 'Staffing was short' });
    const noteId = added.ok ? added.data.noteId : '';
    await ben.waitForBoard((b) => b.notes.length === 1);

    const edit = await ben.command('note:edit', { noteId, text: 'changed by Ben' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const remove = await ben.command('note:delete', { noteId });
    expect(remove).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ann.board().notes[0]?.text).toBe('Staffing was short');

    expect((await fay.command('note:delete', { noteId })).ok).toBe(true);
    await ann.waitForBoard((b) => b.notes.length === 0);
  });

  it('a note of the wrong length is refused with a message, and nothing changes', async () => {
    const { ann, ben } = await threePeople();
    const empty = await ann.command('note:add', { areaId: 'what', text: '   ' });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'A note cannot be empty.' },
    });
    const long = await ann.command('note:add', { areaId: 'what', text: 'x'.repeat(1001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!long.ok && long.error.message).toMatch(/at most 1,000/);
    const fine = await ann.command('note:add', { areaId: 'what', text: 'x'.repeat(1000) });
    expect(fine.ok).toBe(true);
    await ben.waitForBoard((b) => b.notes.length === 1);
  });

  it('a retried command (same command id) is applied at most once and answered the same', async () => {
    const { ann, ben } = await threePeople();
    const commandId = crypto.randomUUID();
    const first = await ann.command('note:add', { commandId, areaId: 'what', text: 'Only once' });
    const again = await ann.command('note:add', { commandId, areaId: 'what', text: 'Only once' });
    const concurrent = await Promise.all(
      [1, 2, 3].map(() =>
        ann.command('note:add', { commandId, areaId: 'what', text: 'Only once' }),
      ),
    );
    expect(again).toEqual(first);
    for (const result of concurrent) expect(result).toEqual(first);
    await ben.waitForBoard((b) => b.notes.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ben.board().notes).toHaveLength(1);
  });

  it('the roster drops a person who leaves', async () => {
    const { fay, ben } = await threePeople();
    await waitFor(() => fay.roster().length === 3, 5000, 'three present');
    ben.close();
    await waitFor(() => fay.roster().join() === 'Ann,Fay', 5000, 'Ben gone from the roster');
  });

  it('only the facilitator ends the session; then nothing changes and its code stops working', async () => {
    const { code, fay, ann } = await threePeople();
    expect(await ann.command('session:close', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await fay.command('session:close', {})).ok).toBe(true);
    await ann.waitForBoard((b) => b.status === 'closed');
    expect(await ann.command('note:add', { areaId: 'what', text: 'too late' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const lookup = await new TestBrowser(server.baseUrl).request<{ error: { message: string } }>(
      'GET',
      `/api/join/${code}`,
    );
    expect(lookup.status).toBe(404);
    expect(lookup.body.error.message).toMatch(/No open session has that code/);
  });

  it('joining: a mistyped code and a bad name get clear messages; a returning browser is the same participant', async () => {
    const fayBrowser = new TestBrowser(server.baseUrl);
    const { session } = await fayBrowser.createSession('Team retro', 'Fay');
    const visitor = new TestBrowser(server.baseUrl);
    const wrong = await visitor.request<{ error: { code: string; message: string } }>(
      'POST',
      '/api/join',
      { code: 'ZZZZZZ', displayName: 'Ann' },
    );
    expect(wrong.status).toBe(404);
    const malformed = await visitor.request<{ error: { message: string } }>(
      'GET',
      '/api/join/K7MP3',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/6 letters/);
    for (const displayName of ['', '   ', 'x'.repeat(41)]) {
      const bad = await visitor.request<{ error: { code: string } }>('POST', '/api/join', {
        code: session.joinCode,
        displayName,
      });
      expect(bad.status, JSON.stringify(displayName)).toBe(400);
    }
    const first = await visitor.join(session.joinCode ?? '', 'Ann');
    expect(first.session.joinCode).toBeUndefined();
    const again = await visitor.join(session.joinCode ?? '', 'Ann again');
    expect(again.you.id).toBe(first.you.id);
    const me = await visitor.request<Membership>('GET', `/api/sessions/${session.id}`);
    expect(me.body.you).toEqual(first.you);
    const lookup = await visitor.request<{ you?: { id: string } }>(
      'GET',
      `/api/join/${session.joinCode}`,
    );
    expect(lookup.body.you?.id).toBe(first.you.id);
    const asNew = await visitor.request<Membership>('POST', '/api/join', {
      code: session.joinCode,
      displayName: 'Someone else',
      asNewParticipant: true,
    });
    expect(asNew.body.you.id).not.toBe(first.you.id);
    const stranger = await new TestBrowser(server.baseUrl).request<{ error: { code: string } }>(
      'GET',
      `/api/sessions/${session.id}`,
    );
    expect(stranger.status).toBe(401);
  });

  it('joining as someone else ends the old identity’s connections; a facilitator cannot orphan the session', async () => {
    const { code, ann, annBrowser, fayBrowser } = await threePeople();
    const refused = new Promise<{ message: string }>((resolve) =>
      ann.socket.once('connection:refused', resolve),
    );
    const asNew = await annBrowser.request<Membership>('POST', '/api/join', {
      code,
      displayName: 'Ann, second try',
      asNewParticipant: true,
    });
    expect(asNew.status).toBe(200);
    expect((await refused).message).toMatch(/someone else/);
    const facilitator = await fayBrowser.request<{ error: { code: string; message: string } }>(
      'POST',
      '/api/join',
      {
        code,
        displayName: 'Fay again',
        asNewParticipant: true,
      },
    );
    expect(facilitator.status).toBe(409);
    expect(facilitator.body.error.message).toMatch(/private window/);
  });

  it('the credential is an httpOnly, SameSite=Lax cookie and never appears in a URL or body', async () => {
    const response = await fetch(`${server.baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Cookie check', facilitatorName: 'Fay' }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^rf_device=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const secret = setCookie.split(';')[0]?.split('=')[1] ?? '';
    expect(await response.text()).not.toContain(secret);
  });

  it('the server restarts mid-session: clients reconnect with nothing lost or doubled', async () => {
    const { fay, ann, ben, membership } = await threePeople('Restart');
    for (let i = 0; i < 7; i += 1) {
      expect(
        (
          await [ann, ben][i % 2]!.command('note:add', {
            areaId: 'what',
            text: `before restart ${i}`,
          })
        ).ok,
      ).toBe(true);
    }
    await fay.waitForBoard((b) => b.notes.length === 7);
    const port = server.port;
    await server.close();
    await waitFor(
      () => [fay, ann, ben].every((live) => !live.socket.connected && !live.provider.wsconnected),
      5000,
      'every client to notice the restart',
    );
    server = await start(port);

    await Promise.all([fay, ann, ben].map((live) => live.waitUntilSynced(15_000)));
    expect(
      (await ann.command('note:add', { areaId: 'what', text: 'after restart' }, 15_000)).ok,
    ).toBe(true);
    for (const live of [fay, ann, ben]) {
      const board = await live.waitForBoard((b) => b.notes.length === 8);
      expect(new Set(board.notes.map((note) => note.id)).size).toBe(8);
      expect(board.notes.map((note) => note.text).sort()).toEqual(
        [...Array.from({ length: 7 }, (_, i) => `before restart ${i}`), 'after restart'].sort(),
      );
    }
    // A newcomer loading snapshot + tail sees exactly what the old replicas hold.
    const late = new TestBrowser(server.baseUrl);
    await late.join(membership.session.joinCode ?? '', 'Late');
    const lateLive = late.connect(membership.session.id);
    connections.push(lateLive);
    await lateLive.waitUntilSynced();
    expect(lateLive.board()).toEqual(fay.board());
  });

  it('never logs note text', async () => {
    const { ann } = await threePeople();
    await ann.command('note:add', {
      areaId: 'what',
      text: 'CONFIDENTIAL-MARKER about a service user',
    });
    await ann.command('note:add', {
      areaId: 'nowhere',
      text: 'CONFIDENTIAL-MARKER in a refused note',
    });
    expect(logs.text()).not.toContain('CONFIDENTIAL-MARKER');
  });
}

describeOnEachDatabase('live board', liveBoardSuite);
