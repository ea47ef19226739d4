import type { Database } from '@reflectory/server';
import { DocCloseCode, type Ack } from '@reflectory/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { TestBrowser, waitFor, type LiveConnection } from '../support/live-client.ts';

function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/** The next close the provider reports as permanent (`closed`), or the next connection close. */
function nextClose(live: LiveConnection): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    live.provider.once('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
}

/** The model makes the first stage silent writing; these tests need notes everyone sees. */
async function openForNamedNotes(fay: LiveConnection): Promise<void> {
  await fay.goTo('what');
  ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
}

/**
 * The board carried over the Socket.IO command connection (`yjs` events) follows the same rules
 * as the /yjs/<doc> WebSocket: one implementation (ReplicaLink) serves both.
 */
describe('the board carried over the Socket.IO connection', () => {
  let database: Database;
  let server: RunningApp;
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({ database, logLevel: 'info', logStream: new LogCapture() });
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  async function session(names: readonly string[]) {
    const host = new TestBrowser(server.baseUrl);
    const membership = await host.createSession('Carriage', 'Fay');
    const sessionId = membership.session.id;
    const code = membership.session.joinCode ?? '';
    const fay = host.connect(sessionId);
    connections.push(fay);
    await fay.waitUntilSynced();
    const people: Record<string, { browser: TestBrowser; id: string }> = {};
    for (const name of names) {
      const browser = new TestBrowser(server.baseUrl);
      const joined = await browser.join(code, name);
      people[name] = { browser, id: joined.you.id };
    }
    const connect = (name: string, board: 'carried' | 'yjs' = 'carried') => {
      const person = people[name];
      if (!person) throw new Error(`nobody called ${name}`);
      const live = person.browser.connect(sessionId, { board });
      connections.push(live);
      return live;
    };
    return { sessionId, fay, people, connect };
  }

  it('a client syncing the board over the carriage gets every note, as a /yjs/ client does', async () => {
    const { fay, connect } = await session(['Ann', 'Ben']);
    const ann = connect('Ann');
    await ann.waitUntilSynced();
    await ann.accept();
    await openForNamedNotes(fay);
    for (let i = 0; i < 12; i += 1) {
      ok(await ann.command('note:add', { areaId: 'what', text: `carried note ${i}` }));
    }
    await ann.waitForBoard((board) => board.notes.length === 12);
    // A newcomer on each carrier syncs from scratch to the same board.
    const benCarried = connect('Ben');
    const benYjs = connect('Ben', 'yjs');
    await Promise.all([benCarried.waitUntilSynced(), benYjs.waitUntilSynced()]);
    await benCarried.waitForBoard((board) => board.notes.length === 12);
    expect(benCarried.board()).toEqual(fay.board());
    expect(benYjs.board()).toEqual(fay.board());
    expect(
      benCarried
        .board()
        .notes.map((note) => note.text)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `carried note ${i}`).sort());
    // Presence is the same on both carriers, one entry per person however many replicas.
    await waitFor(() => benCarried.roster().length === 3, 5000, 'three people present');
    expect(benCarried.roster()).toEqual(['Ann', 'Ben', 'Fay']);
    expect(benYjs.roster()).toEqual(benCarried.roster());
    expect(benCarried.socket.connected).toBe(true);
  });

  it('a write over the carriage is refused with 4403 and changes nothing; commands still work', async () => {
    const { fay, connect } = await session(['Ann']);
    const ann = connect('Ann');
    await ann.waitUntilSynced();
    const before = Y.encodeStateVector(fay.doc);
    const closed = new Promise<{ code: number }>((resolve) =>
      ann.provider.once('closed', (event) => resolve(event)),
    );
    ann.doc.getMap('forged').set('text', 'written by Ann');
    expect((await closed).code).toBe(DocCloseCode.readOnly);
    // Nothing reached the board: a fresh replica holds exactly what it held before.
    const fresh = connect('Ann', 'yjs');
    await fresh.waitUntilSynced();
    expect(Y.encodeStateVector(fresh.doc)).toEqual(before);
    expect(fresh.doc.getMap('forged').size).toBe(0);
    // The replica closed for good; the command connection did not.
    expect(ann.socket.connected).toBe(true);
    ok(await ann.command('agreement:accept', {}));
  });

  it('invalid bytes close the carried board with 4400, and a replica reopens on the same connection', async () => {
    const { connect } = await session(['Ann']);
    const ann = connect('Ann');
    await ann.waitUntilSynced();
    const closed = nextClose(ann);
    ann.socket.emit('yjs', Uint8Array.of(9, 9, 9));
    expect((await closed).code).toBe(DocCloseCode.badMessage);
    expect(ann.provider.shouldConnect).toBe(false);
    expect(ann.socket.connected).toBe(true);
    ann.provider.connect();
    await ann.waitUntilSynced();
  });

  it('a removed participant’s carried board closes with 4401', async () => {
    const { fay, people, connect } = await session(['Ann']);
    const ann = connect('Ann');
    await ann.waitUntilSynced();
    const closed = nextClose(ann);
    ok(await fay.command('participant:remove', { participantId: people.Ann?.id ?? '' }));
    expect((await closed).code).toBe(DocCloseCode.revoked);
    await waitFor(() => !ann.socket.connected, 5000, 'the command connection to end');
  });

  it('the /yjs/ endpoint still serves standard clients beside carried ones', async () => {
    const { fay, connect } = await session(['Ann', 'Ben']);
    const ann = connect('Ann', 'yjs');
    const ben = connect('Ben');
    await Promise.all([ann.waitUntilSynced(), ben.waitUntilSynced()]);
    await Promise.all([ann.accept(), ben.accept()]);
    await openForNamedNotes(fay);
    const { noteId } = ok(await ben.command('note:add', { areaId: 'what', text: 'from Ben' }));
    await ann.waitForBoard((board) => board.notes.some((note) => note.id === noteId));
    expect(ann.provider.ws).not.toBeNull();
    expect(ann.board()).toEqual(ben.board());
  });
});
