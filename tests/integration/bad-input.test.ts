import { randomBytes } from 'node:crypto';
import { createMemoryLimits, defaultLimitSettings, type Database } from '@reflectory/server';
import { boardDocName, type Membership } from '@reflectory/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import {
  TestBrowser,
  cookieWebSocket,
  waitFor,
  type LiveConnection,
} from '../support/live-client.ts';

/**
 * Every inbound byte is untrusted. Each kind of bad input is refused (error ack or closed
 * connection), logged at warn without note text, and the server and the other clients carry on.
 */
describe('bad input on the live board', () => {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  let membership: Membership;
  let ann: TestBrowser;
  let watcher: LiveConnection;
  let wsBase: string;
  const opened: Array<{ close(): void }> = [];

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: logs,
      // Ann opens a fresh document socket for each bad frame; the per-person budget of board
      // opens (one-person-many-connections.test.ts) is not what this file is about.
      limits: createMemoryLimits({
        settings: { ...defaultLimitSettings, personBoardOpens: { perSecond: 100, burst: 1000 } },
      }),
    });
    wsBase = server.baseUrl.replace(/^http/, 'ws');
    const fay = new TestBrowser(server.baseUrl);
    membership = await fay.createSession('Bad input', 'Fay');
    ann = new TestBrowser(server.baseUrl);
    await ann.join(membership.session.joinCode ?? '', 'Ann');
    watcher = fay.connect(membership.session.id);
    await watcher.waitUntilSynced();
    const annLive = ann.connect(membership.session.id);
    await annLive.waitUntilSynced();
    await annLive.accept();
    annLive.close();
    await watcher.goTo('what');
    expect(
      (await watcher.command('step:visibility', { stepId: 'what', visibility: 'named' })).ok,
    ).toBe(true);
  });
  afterEach(async () => {
    for (const item of opened.splice(0)) item.close();
    // After every attack, the server still serves everyone else.
    const live = ann.connect(membership.session.id);
    try {
      await live.waitUntilSynced();
      const before = watcher.board().notes.length;
      expect((await live.command('note:add', { areaId: 'what', text: 'still working' })).ok).toBe(
        true,
      );
      await watcher.waitForBoard((board) => board.notes.length === before + 1);
    } finally {
      live.close();
    }
  });
  afterAll(async () => {
    watcher.close();
    await server.close();
    await database.close();
  });

  const warnings = (pattern: RegExp) =>
    logs.entries().filter((entry) => entry.level === 40 && pattern.test(String(entry.msg)));

  function rawDocSocket(
    options: { cookie?: string; origin?: string; path?: string } = {},
  ): WebSocket {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    const ws = new WebSocket(
      `${wsBase}/yjs/${options.path ?? boardDocName(membership.session.id)}`,
      { headers },
    );
    opened.push({ close: () => ws.terminate() });
    return ws;
  }

  function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
    return new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  function refusedUpgrade(ws: WebSocket): Promise<number> {
    return new Promise((resolve, reject) => {
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the handshake was accepted')));
      ws.on('error', () => undefined);
    });
  }

  it('malformed command payloads get an invalid_request ack', async () => {
    const live = ann.connect(membership.session.id);
    opened.push(live);
    await live.waitUntilSynced();
    const socket = live.socket as unknown as Socket;
    const payloads: unknown[] = [
      undefined,
      null,
      'text',
      42,
      [],
      {},
      { commandId: 'not-a-uuid', areaId: 'what', text: 'x' },
      { commandId: crypto.randomUUID(), areaId: 7, text: 'x' },
      { commandId: crypto.randomUUID(), areaId: 'what', text: { nested: true } },
      { commandId: crypto.randomUUID(), areaId: 'what', text: 'x'.repeat(9000) },
    ];
    for (const payload of payloads) {
      const ack = (await socket.timeout(5000).emitWithAck('note:add', payload)) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(ack, JSON.stringify(payload)?.slice(0, 60)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(warnings(/malformed payload/).length).toBeGreaterThan(0);
  });

  it('a command without an ack callback and an unknown event are refused without harm', async () => {
    const live = ann.connect(membership.session.id);
    opened.push(live);
    await live.waitUntilSynced();
    const socket = live.socket as unknown as Socket;
    socket.emit('note:add', { commandId: crypto.randomUUID(), areaId: 'what', text: 'no ack' });
    socket.emit('board:hack', { anything: true });
    const ack = (await socket.timeout(5000).emitWithAck('board:hack', {})) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await waitFor(
      () => warnings(/unknown event/).length > 0 && warnings(/without an ack/).length > 0,
      2000,
      'warnings',
    );
    expect(watcher.board().notes.some((note) => note.text === 'no ack')).toBe(false);
  });

  it('a write to the read-only board closes that connection with 4403 and reaches no one', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${wsBase}/yjs`,
      boardDocName(membership.session.id),
      doc,
      {
        WebSocketPolyfill: cookieWebSocket(
          ann.cookie ?? '',
        ) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    opened.push({ close: () => provider.destroy() });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      provider.on('closed', (event) => resolve(event)),
    );
    await waitFor(() => provider.synced, 5000, 'attacker synced');
    doc.getMap<Y.Map<unknown>>('notes').set(
      'forged',
      new Y.Map<unknown>([
        ['id', 'forged'],
        ['areaId', 'what'],
        ['text', 'FORGED-NOTE'],
        ['authorName', 'Fay'],
      ]),
    );
    doc.getMap('session').set('status', 'closed');
    expect((await closed).code).toBe(4403);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watcher.board().notes.some((note) => note.text === 'FORGED-NOTE')).toBe(false);
    expect(watcher.board().status).toBe('open');
    const fresh = ann.connect(membership.session.id);
    opened.push(fresh);
    await fresh.waitUntilSynced();
    expect(fresh.board().notes.some((note) => note.text === 'FORGED-NOTE')).toBe(false);
    expect(warnings(/write to a read-only document/).length).toBeGreaterThan(0);
  });

  it('binary garbage and text frames on a document socket close it with 4400', async () => {
    for (const payload of [
      randomBytes(200),
      new Uint8Array([0, 0, 200, 200, 200]),
      new Uint8Array([7, 1, 2]),
    ]) {
      const ws = rawDocSocket({ cookie: ann.cookie ?? '' });
      await new Promise((resolve) => ws.on('open', resolve));
      const closed = closeOf(ws);
      ws.send(payload);
      const { code } = await closed;
      // Random bytes may happen to read as a sync update (a write): refused all the same.
      expect([4400, 4403]).toContain(code);
    }
    const ws = rawDocSocket({ cookie: ann.cookie ?? '' });
    await new Promise((resolve) => ws.on('open', resolve));
    const closed = closeOf(ws);
    ws.send('hello');
    expect((await closed).code).toBe(4400);
  });

  it('a message over 64 KB is refused on both transports', async () => {
    const ws = rawDocSocket({ cookie: ann.cookie ?? '' });
    await new Promise((resolve) => ws.on('open', resolve));
    const closed = closeOf(ws);
    ws.send(new Uint8Array(65 * 1024));
    expect((await closed).code).toBe(1009);

    const live = ann.connect(membership.session.id);
    opened.push(live);
    await live.waitUntilSynced();
    const disconnected = new Promise<string>((resolve) => live.socket.once('disconnect', resolve));
    live.socket.emit(
      'note:add',
      { commandId: crypto.randomUUID(), areaId: 'what', text: 'B'.repeat(70 * 1024) },
      () => undefined,
    );
    expect(await disconnected).toBe('transport close');
    expect(watcher.board().notes.some((note) => note.text.startsWith('BBBB'))).toBe(false);
  });

  it('handshakes from a foreign Origin are refused on HTTP, Socket.IO and document sockets', async () => {
    const evil = 'http://evil.example';
    expect(await refusedUpgrade(rawDocSocket({ cookie: ann.cookie ?? '', origin: evil }))).toBe(
      403,
    );

    const socket = io(server.baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: ann.cookie ?? '', origin: evil },
      auth: { sessionId: membership.session.id },
      reconnection: false,
    });
    opened.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => reject(new Error('connected from a foreign origin')));
      socket.on('connect_error', () => resolve());
    });

    const post = await new TestBrowser(server.baseUrl, evil).request<{ error: { code: string } }>(
      'POST',
      '/api/sessions',
      {
        title: 'x',
        facilitatorName: 'y',
      },
    );
    expect(post.status).toBe(403);
    expect(warnings(/foreign origin/).length).toBeGreaterThanOrEqual(3);
  });

  it('connections without the session’s credential are refused', async () => {
    expect(await refusedUpgrade(rawDocSocket())).toBe(401);
    const outsider = new TestBrowser(server.baseUrl);
    await outsider.createSession('Another session', 'Olga');
    expect(await refusedUpgrade(rawDocSocket({ cookie: outsider.cookie ?? '' }))).toBe(403);
    expect(
      await refusedUpgrade(
        rawDocSocket({ cookie: ann.cookie ?? '', path: 'session/not-a-session/board' }),
      ),
    ).toBe(404);

    const socket = io(server.baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: outsider.cookie ?? '' },
      auth: { sessionId: membership.session.id },
      reconnection: false,
    });
    opened.push(socket);
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(error.message).toMatch(/has not joined/);
  });

  it('refusal logs hold no note text', () => {
    expect(logs.text()).not.toContain('FORGED-NOTE');
    expect(logs.text()).not.toContain('BBBBBBBB');
  });
});
