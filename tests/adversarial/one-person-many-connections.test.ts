import { randomBytes } from 'node:crypto';
import type { Database } from '@reflectory/server';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import {
  createScratchPostgres,
  openMigratedPostgres,
  type ScratchPostgres,
} from '../support/databases.ts';
import type { LiveConnection } from '../support/live-client.ts';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';
import { AttackReport } from './support/attack-report.ts';
import { boardStep, ok } from './support/board-setup.ts';
import { Closer, boardUrl, carriedBoardAs, castSession, type Cast } from './support/cast.ts';
import {
  attemptConnection,
  describeTally,
  flood,
  sendRecorded,
  tally,
  type AckRecord,
} from './support/flood.ts';
import {
  HandshakeRefused,
  RawDocSocket,
  SyncStep,
  encodeQueryAwareness,
  encodeSync,
  pause,
  waitUntil,
} from './support/raw-doc-socket.ts';

/** What the server says when its store fails; never the answer to a busy board. */
const outageSentence = /cannot reach its database/i;
/** One person's command budget: 20 a second, bursts of 40 (docs/protocol.md §1). */
const personRate = 20;
const personBurst = 40;
const notesPerStep = 50;
const connectionsPerPerson = 8;
/** A hostile script's connections: more than the cap lets in. */
const attackConnections = 20;

const secret = () => randomBytes(32).toString('base64url');
const longText = (i: number, length: number) => `Flood ${i} `.padEnd(length, 'x');

/**
 * [Issue 11.4] One person with many connections must not degrade everyone. Mallory, a participant,
 * opens many connections and floods commands; Mike, Max and Moe flood the board with messages, syncs
 * and opens; Grace, in the same session, works at a normal pace meanwhile and is the witness. Limits hold per person and per
 * session, not per connection; overload is answered as a busy board, never as a database outage.
 * Real PostgreSQL, real sockets.
 */
describeWith('adversarial: one person with many connections', realPostgres, () => {
  let scratch: ScratchPostgres;
  let database: Database;
  let server: RunningApp;
  let cast: Cast;
  let fay: LiveConnection;
  let grace: LiveConnection;
  const report = new AttackReport('one person, many connections');
  const closer = new Closer();
  const allAcks: AckRecord[] = [];

  beforeAll(async () => {
    scratch = await createScratchPostgres(testDatabaseUrl ?? '');
    database = await openMigratedPostgres(scratch.url);
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: new LogCapture(),
      rooms: { releaseMinMs: 100, releaseJitterMs: 200 },
    });
    // Mallory floods commands; Mike, Max and Moe each attack the board, so that one attack's
    // spent budget is not another's.
    cast = await castSession(server.baseUrl, 'Fay', ['Mallory', 'Grace', 'Mike', 'Max', 'Moe']);
    fay = cast.facilitator.browser.connect(cast.sessionId, {
      board: 'carried',
    });
    grace = cast.get('Grace').browser.connect(cast.sessionId, { board: 'carried' });
    await Promise.all([fay.waitUntilSynced(), grace.waitUntilSynced()]);
    await fay.goTo('agreement');
    await grace.accept();
    const mallory = await attemptConnection(server.baseUrl, cast.sessionId, cookieOf('Mallory'));
    if (!mallory.connected) throw new Error(`Mallory could not connect: ${mallory.message}`);
    const accepted = await sendRecorded(mallory.socket, 'agreement:accept', {});
    if (!accepted.ok) throw new Error(`Mallory could not accept: ${accepted.message}`);
    mallory.socket.close();
    await fay.goTo(boardStep);
    ok(
      await fay.command('step:visibility', {
        stepId: boardStep,
        visibility: 'named',
      }),
    );
  });
  afterEach(() => closer.closeAll());
  afterAll(async () => {
    report.print();
    closer.closeAll();
    fay?.close();
    grace?.close();
    await server?.close();
    await database?.close();
    await scratch?.drop();
  });

  function cookieOf(name: string): string {
    return cast.get(name).cookie;
  }

  /** Opens `count` Socket.IO connections as `name` at once; returns those the server let in. */
  async function connectAs(name: string, count: number) {
    const attempts = await Promise.all(
      Array.from({ length: count }, () =>
        attemptConnection(server.baseUrl, cast.sessionId, cookieOf(name)),
      ),
    );
    const sockets: Socket[] = [];
    const refusals: Array<{ code: string | undefined; message: string }> = [];
    for (const attempt of attempts) {
      if (attempt.connected) sockets.push(closer.add(attempt.socket));
      else refusals.push({ code: attempt.code, message: attempt.message });
    }
    return { sockets, refusals };
  }

  it('a person opens 20 Socket.IO connections and 20 board sockets: the ninth of each is refused at the handshake with a clear message', async () => {
    const { sockets, refusals } = await connectAs('Mallory', attackConnections);
    const boards: number[] = [];
    for (let i = 0; i < attackConnections; i += 1) {
      try {
        closer.add(
          await RawDocSocket.open(boardUrl(server.baseUrl, cast.sessionId), {
            cookie: cookieOf('Mallory'),
          }),
        );
        boards.push(101);
      } catch (error) {
        boards.push(error instanceof HandshakeRefused ? error.status : 0);
      }
    }
    const opened = boards.filter((status) => status === 101).length;
    const held = report.record(
      'participant Mallory',
      `${attackConnections} Socket.IO connections, then ${attackConnections} /yjs/ sockets`,
      `${sockets.length} + ${opened} let in; refusals: ${[...new Set(refusals.map((r) => `${r.code} "${r.message}"`))].join('; ')}; board sockets ${[...new Set(boards.filter((s) => s !== 101))].join(', ')}`,
      sockets.length === connectionsPerPerson && opened === connectionsPerPerson,
    );
    expect(held).toBe(true);
    for (const refusal of refusals) {
      expect(refusal.code).toBe('rate_limited');
      expect(refusal.message).toMatch(/8 connections/);
    }
    expect(boards.filter((status) => status !== 101).every((status) => status === 429)).toBe(true);

    // Closing one lets the next in: the count follows the connections that are open.
    sockets[0]?.close();
    await waitUntil(() => sockets[0]?.disconnected === true, 5000, 'closed');
    await pause(100);
    const again = await connectAs('Mallory', 1);
    expect(again.sockets).toHaveLength(1);
  }, 60_000);

  it('a person floods commands over every connection they may hold: no more are accepted than one person’s budget allows', async () => {
    const { sockets } = await connectAs('Mallory', attackConnections);
    const started = performance.now();
    const records = await flood(sockets, 'agreement:accept', () => ({}), {
      durationMs: 2000,
      inFlight: 5,
    });
    allAcks.push(...records);
    const seconds = (performance.now() - started) / 1000;
    const counts = tally(records);
    const accepted = counts.ok ?? 0;
    const allowed = personBurst + Math.ceil(personRate * seconds) + 5;
    const held = report.record(
      'participant Mallory',
      `${sockets.length} connections flood agreement:accept for ${seconds.toFixed(1)} s`,
      `${describeTally(counts)} (one person's budget: ${allowed})`,
      accepted <= allowed,
    );
    expect(held).toBe(true);
    expect(Object.keys(counts).sort()).toEqual(['ok', 'rate_limited']);
  }, 60_000);

  it('a person floods note:add over every connection while a bystander posts at a normal pace: the flood stops at the per-step cap, every bystander note is saved, and nobody is told the database is down', async () => {
    const { sockets } = await connectAs('Mallory', attackConnections);
    let i = 0;
    const flooding = flood(
      sockets,
      'note:add',
      () => ({ areaId: boardStep, text: longText((i += 1), 900) }),
      { durationMs: 3500, inFlight: 10 },
    );
    const bystander: AckRecord[] = [];
    const posting = (async () => {
      const graceSocket = grace.socket as unknown as Socket;
      for (let n = 0; n < 14; n += 1) {
        bystander.push(
          await sendRecorded(graceSocket, 'note:add', {
            areaId: boardStep,
            text: `Grace's note ${n}`,
          }),
        );
        await pause(250);
      }
    })();
    const [records] = await Promise.all([flooding, posting]);
    allAcks.push(...records, ...bystander);
    const counts = tally(records);
    const accepted = counts.ok ?? 0;
    const capMessages = records.filter((record) =>
      /You have added 50 notes to this step/.test(record.message ?? ''),
    );
    const bystanderFailures = bystander.filter((record) => !record.ok);
    const outage = [...records, ...bystander].filter((record) =>
      outageSentence.test(record.message ?? ''),
    );
    const saved = bystander.length - bystanderFailures.length;
    await fay.waitForBoard(
      (board) => board.notes.filter((note) => note.text.startsWith("Grace's")).length === saved,
      10_000,
    );
    const boardBytes = Y.encodeStateAsUpdate(fay.doc).byteLength;

    report.record(
      'participant Mallory',
      `${sockets.length} connections flood note:add (900 characters each)`,
      `${describeTally(counts)}; board ${(boardBytes / 1024).toFixed(0)} KB`,
      accepted <= notesPerStep && capMessages.length > 0,
    );
    report.record(
      'bystander Grace',
      `14 notes, one every 250 ms, during the flood`,
      bystanderFailures.length === 0
        ? 'all saved'
        : `${bystanderFailures.length} failed: ${describeTally(tally(bystanderFailures))}`,
      bystanderFailures.length === 0,
    );
    report.record(
      'everyone',
      'acks that blame the database while it is fine',
      `${outage.length}`,
      outage.length === 0,
    );
    expect(accepted).toBeLessThanOrEqual(notesPerStep);
    expect(capMessages.length).toBeGreaterThan(0);
    for (const record of records.filter((record) => !record.ok)) {
      expect(['rate_limited', 'conflict']).toContain(record.code);
    }
    expect(bystanderFailures).toEqual([]);
    expect(outage).toEqual([]);
  }, 60_000);

  it('anonymous notes count against the same cap, though the board does not know their author', async () => {
    ok(await fay.command('step:rerun', {}));
    const { sockets } = await connectAs('Mallory', connectionsPerPerson);
    let i = 0;
    const records = await flood(
      sockets,
      'note:add',
      () => ({
        areaId: boardStep,
        text: `Anonymous ${(i += 1)}`,
        anonymous: true,
        secret: secret(),
      }),
      { durationMs: 3500, inFlight: 4 },
    );
    allAcks.push(...records);
    const counts = tally(records);
    const accepted = counts.ok ?? 0;
    const capMessages = records.filter((record) =>
      /You have added 50 notes to this step/.test(record.message ?? ''),
    );
    const held = report.record(
      'participant Mallory',
      `${sockets.length} connections flood anonymous note:add in a new round`,
      describeTally(counts),
      accepted <= notesPerStep && capMessages.length > 0,
    );
    expect(held).toBe(true);
  }, 60_000);

  it('a person’s notes in a session add up to at most 50,000 characters', async () => {
    ok(await fay.command('step:rerun', {}));
    // Her command budget, spent by the flood before, refills first: this is about the cap.
    await pause(2500);
    const [socket] = (await connectAs('Mallory', 1)).sockets;
    if (!socket) throw new Error('Mallory could not connect');
    const records: AckRecord[] = [];
    for (let n = 0; n < 8; n += 1) {
      records.push(
        await sendRecorded(socket, 'note:add', {
          areaId: boardStep,
          text: longText(n, 1000),
        }),
      );
      await pause(60);
    }
    allAcks.push(...records);
    const refusal = records.find((record) => !record.ok);
    const held = report.record(
      'participant Mallory',
      'posts 1,000-character notes after 45,000 characters and 50 short anonymous notes',
      refusal
        ? `${records.filter((record) => record.ok).length} saved, then ${refusal.code}: ${refusal.message}`
        : 'all saved',
      refusal?.code === 'conflict' && /50,000 characters/.test(refusal.message ?? ''),
    );
    expect(held).toBe(true);
  }, 60_000);

  it('a person’s eight board sockets share one message budget', async () => {
    const sockets: RawDocSocket[] = [];
    for (let n = 0; n < connectionsPerPerson; n += 1) {
      sockets.push(
        closer.add(
          await RawDocSocket.open(boardUrl(server.baseUrl, cast.sessionId), {
            cookie: cookieOf('Mike'),
          }),
        ),
      );
    }
    await pause(200);
    const before = sockets.reduce((sum, socket) => sum + socket.count('awareness'), 0);
    const started = performance.now();
    for (let round = 0; round < 100; round += 1) {
      for (const socket of sockets)
        for (let k = 0; k < 5; k += 1) socket.send(encodeQueryAwareness());
      await pause(5);
    }
    await pause(500);
    const seconds = (performance.now() - started) / 1000;
    const answered = sockets.reduce((sum, socket) => sum + socket.count('awareness'), 0) - before;
    const closed = sockets.filter((socket) => socket.closeEvent?.code === 4429).length;
    const allowed = 200 + Math.ceil(50 * seconds) + 10;
    const held = report.record(
      'participant Mike',
      `${sockets.length} board sockets send 4,000 awareness queries in ${seconds.toFixed(1)} s`,
      `${answered} answered (one person's budget: ${allowed}); ${closed} closed 4429`,
      answered <= allowed,
    );
    expect(held).toBe(true);
  }, 60_000);

  it('a person asks for the whole board again and again: each sync after the first is paid for like an open', async () => {
    const socket = closer.add(
      await RawDocSocket.open(boardUrl(server.baseUrl, cast.sessionId), {
        cookie: cookieOf('Max'),
      }),
    );
    const askAll = encodeSync(SyncStep.step1, Y.encodeStateVector(new Y.Doc()));
    for (let n = 0; n < 150; n += 1) socket.send(askAll);
    // Every answer is a whole board: give the client time to read them all.
    await Promise.race([socket.closed, pause(5000)]);
    await pause(200);
    const answered = socket.count('syncStep2');
    const held = report.record(
      'participant Max',
      'one board socket sends sync step 1 with an empty state vector 150 times',
      `${answered} whole boards sent (${(fay.doc ? Y.encodeStateAsUpdate(fay.doc).byteLength / 1024 : 0).toFixed(0)} KB each); closed ${socket.closeEvent?.code ?? 'no'}`,
      answered <= 1 + 20 + 2,
    );
    expect(held).toBe(true);
  }, 60_000);

  it('one person opens the board at 1,000 a second: another person’s replica receives a bounded number of presence frames', async () => {
    const watcher = closer.add(
      await carriedBoardAs(server.baseUrl, cast.sessionId, cast.get('Grace')),
    );
    const [socket] = (await connectAs('Moe', 1)).sockets;
    if (!socket) throw new Error('Moe could not connect');
    const docName = `session/${cast.sessionId}/board`;
    await socket.timeout(5000).emitWithAck('yjs:open', docName);
    // Whoever left in the tests before leaves 2 s later (presence's grace period): not counted.
    await pause(2500);
    const before = watcher.count('awareness');
    const answers: Array<{ ok: boolean; code?: number }> = [];
    const stormMs = 2000;
    const started = performance.now();
    while (performance.now() - started < stormMs) {
      for (let k = 0; k < 10; k += 1) {
        socket.emit('yjs:open', docName, (result: { ok: boolean; code?: number }) =>
          answers.push(result),
        );
      }
      await pause(10);
    }
    await pause(500);
    const frames = watcher.count('awareness') - before;
    const perSecond = frames / (stormMs / 1000);
    const byCode = (code: number) => answers.filter((answer) => answer.code === code).length;
    const held = report.record(
      'participant Moe',
      `yjs:open ${answers.length} times in ${stormMs / 1000} s on one connection`,
      `${frames} presence frames at Grace (${perSecond.toFixed(1)}/s); opens refused 1013: ${byCode(1013)}, superseded: ${byCode(1000)}`,
      perSecond <= 2,
    );
    expect(held).toBe(true);

    // The storm costs Moe his replica for a moment, not the board: he opens it again.
    await pause(600);
    expect(await socket.timeout(5000).emitWithAck('yjs:open', docName)).toEqual({ ok: true });
    await waitUntil(
      () =>
        [...watcher.awareness().values()].some(
          (entry) => (entry.state as { name?: string } | null)?.name === 'Moe',
        ),
      5000,
      'Moe present again',
    );
  }, 60_000);

  it('ten people flood one session: the session takes no more than its own budget, and another session does not notice', async () => {
    const names = Array.from({ length: 10 }, (_, n) => `Crowd ${n}`);
    const crowd = await castSession(server.baseUrl, 'Hal', names);
    const sockets: Socket[] = [];
    for (const name of names) {
      for (let c = 0; c < 2; c += 1) {
        const attempt = await attemptConnection(
          server.baseUrl,
          crowd.sessionId,
          crowd.get(name).cookie,
        );
        if (attempt.connected) sockets.push(closer.add(attempt.socket));
      }
    }
    const started = performance.now();
    const flooding = flood(sockets, 'agreement:accept', () => ({}), {
      durationMs: 3000,
      inFlight: 3,
    });
    const bystander: AckRecord[] = [];
    const graceSocket = grace.socket as unknown as Socket;
    for (let n = 0; n < 10; n += 1) {
      const sent = performance.now();
      const record = await sendRecorded(graceSocket, 'note:add', {
        areaId: boardStep,
        text: `Grace, next door, ${n}`,
      });
      bystander.push({ ...record, at: record.at - sent });
      await pause(250);
    }
    const records = await flooding;
    allAcks.push(...records, ...bystander);
    const seconds = (performance.now() - started) / 1000;
    const counts = tally(records);
    const accepted = counts.ok ?? 0;
    const sessionBudget = 200 + Math.ceil(100 * seconds) + 10;
    const busy = records.filter((record) => /This board is busy/.test(record.message ?? ''));
    const slowest = Math.max(...bystander.map((record) => record.at));
    report.record(
      `${names.length} people in another session`,
      `${sockets.length} connections flood agreement:accept for ${seconds.toFixed(1)} s`,
      `${describeTally(counts)}; ${busy.length} told the board is busy (the session's budget: ${sessionBudget})`,
      accepted <= sessionBudget && busy.length > 0,
    );
    report.record(
      'bystander Grace',
      '10 notes in her own session meanwhile',
      `${bystander.filter((record) => record.ok).length} saved, slowest ack ${slowest.toFixed(0)} ms`,
      bystander.every((record) => record.ok),
    );
    expect(accepted).toBeLessThanOrEqual(sessionBudget);
    expect(busy.length).toBeGreaterThan(0);
    expect(bystander.filter((record) => !record.ok)).toEqual([]);
  }, 90_000);

  it('no ack in this file blamed the database', () => {
    const outage = allAcks.filter((record) => outageSentence.test(record.message ?? ''));
    expect(outage).toEqual([]);
  });
});
