import { randomBytes } from 'node:crypto';
import { createMemoryLimits, defaultLimitSettings, type Database } from '@reflectory/server';
import { DocCloseCode, boardDocName } from '@reflectory/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { waitFor, type LiveConnection } from '../support/live-client.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok, prepareBoard } from './support/board-setup.ts';
import {
  Closer,
  boardAs,
  carriers,
  castSession,
  docUrl,
  spyAs,
  type Carrier,
  type Cast,
} from './support/cast.ts';
import {
  HandshakeRefused,
  RawDocSocket,
  SyncStep,
  encodeAwareness,
  encodeSync,
  encodeQueryAwareness,
  handshakeStatus,
  pause,
  type AwarenessEntry,
} from './support/raw-doc-socket.ts';
import { hostileBoardFrames } from './support/hostile-frames.ts';
import { boardJson } from './support/yjs-forensics.ts';

const forgedText = 'ATTACK: forged by Ben';

/**
 * [Invariant 3, 6] The board document is written by the server alone, there is no other document
 * to open, and presence is the server's to fill. A participant attacks all three over raw
 * y-websocket with a valid device cookie; other people's replicas are the witnesses.
 */
describe('adversarial: the board document is the server’s alone', () => {
  let database: Database;
  let server: RunningApp;
  const report = new AttackReport('board document and awareness');
  const closer = new Closer();
  let cast: Cast;
  let fay: LiveConnection;
  let ann: LiveConnection;

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: new LogCapture(),
      rooms: { releaseMinMs: 100, releaseJitterMs: 200 },
      // Ben opens the board dozens of times a second, keeping the connections open; board opens
      // and connections per person are limited (one-person-many-connections.test.ts), which is
      // not what this file attacks.
      limits: createMemoryLimits({
        settings: {
          ...defaultLimitSettings,
          personBoardOpens: { perSecond: 100, burst: 1000 },
          connectionsPerPerson: 100,
        },
      }),
    });
    cast = await castSession(server.baseUrl, 'Fay', ['Ann', 'Ben', 'Dee']);
    fay = cast.facilitator.browser.connect(cast.sessionId);
    ann = cast.get('Ann').browser.connect(cast.sessionId);
    await Promise.all([fay.waitUntilSynced(), ann.waitUntilSynced()]);
    await prepareBoard(fay, ann);
  });
  afterEach(() => closer.closeAll());
  afterAll(async () => {
    report.print();
    fay?.close();
    ann?.close();
    await server?.close();
    await database?.close();
  });

  const ben = () => cast.get('Ben');

  /** Everything a newcomer's replica holds now, and the client ids that wrote it. */
  async function freshReplica() {
    const socket = await boardAs(server.baseUrl, cast.sessionId, cast.facilitator);
    const snapshot = {
      json: boardJson(socket.replica),
      clients: [...Y.decodeStateVector(Y.encodeStateVector(socket.replica)).keys()].sort(),
    };
    socket.close();
    return snapshot;
  }

  it.each(Object.keys(carriers) as Carrier[])(
    'a participant writes to the board over %s with crafted updates and raw bytes: each write closes the replica and reaches no one',
    async (carrier) => {
      const boardOf = carriers[carrier];
      const before = await freshReplica();
      const [serverClient] = before.clients.slice(-1);
      const attacker = await boardOf(server.baseUrl, cast.sessionId, ben());
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(attacker.replica));
      attacker.close();
      const attacks = hostileBoardFrames(replica, serverClient ?? 0, forgedText);

      const failures: string[] = [];
      for (const attack of attacks) {
        const socket = closer.add(await boardOf(server.baseUrl, cast.sessionId, ben()));
        const framesBefore = socket.received.length;
        if (typeof attack.bytes === 'string') socket.sendText(attack.bytes);
        else socket.send(attack.bytes);
        // Over Socket.IO an oversized message ends the whole connection (engine.io's cap), not the replica alone.
        const expected =
          carrier === 'Socket.IO carriage' && attack.expect === 1009 ? 1006 : attack.expect;
        const outcome = await Promise.race([
          socket.closed.then(({ code }) => code),
          pause(400).then(() => 'open' as const),
        ]);
        const text =
          outcome === 'open'
            ? `still open; answered with ${socket.received.length - framesBefore} frame(s), write ignored`
            : `closed ${outcome}`;
        const held = report.record(
          `participant Ben (${carrier})`,
          attack.attempt,
          text,
          outcome === expected,
        );
        if (!held) failures.push(`${attack.attempt}: ${text}`);
      }

      await pause(200);
      const after = await freshReplica();
      const witnesses = [
        ['Fay’s replica', boardJson(fay.doc)],
        ['Ann’s replica', boardJson(ann.doc)],
        ['a fresh replica', after.json],
      ] as const;
      for (const [who, json] of witnesses) {
        const clean = !json.includes(forgedText) && json.includes('A note everyone can see');
        report.record(
          'witness',
          `${who} after the attacks`,
          clean ? 'no trace, notes intact' : 'FORGED CONTENT',
          clean,
        );
        if (!clean) failures.push(who);
      }
      report.record(
        'witness',
        'client ids in the fresh replica',
        `${after.clients.length} (server-made only: ${after.clients.join(', ')})`,
        after.clients.join() === before.clients.join(),
      );

      // The server still serves everyone.
      const { noteId } = ok(
        await ann.command('note:add', {
          areaId: 'so-what',
          text: 'Still working after the attacks',
        }),
      );
      await fay.waitForBoard((board) => board.notes.some((note) => note.id === noteId));
      expect(failures).toEqual([]);
      expect(after.clients).toEqual(before.clients);
      expect(after.json).toBe(before.json);
    },
  );

  it('a participant opens other documents (a private view, facilitation, other sessions, odd paths): refused at the handshake', async () => {
    const other = await castSession(server.baseUrl, 'Sam', []);
    const { sessionId } = cast;
    const annId = cast.get('Ann').id;
    const base = `session/${sessionId}`;
    const paths: Array<[string, string, { cookie?: string; origin?: string }]> = [
      ['another participant’s private doc', `${base}/private/${annId}`, {}],
      ['own private doc', `${base}/private/${ben().id}`, {}],
      ['the facilitation doc', `${base}/facilitation`, {}],
      ['dot-dot out of the board', `${base}/board/../private/${annId}`, {}],
      ['encoded dot-dot', `${base}/board/%2e%2e/private/${annId}`, {}],
      ['encoded slashes', `session%2F${sessionId}%2Fboard`, {}],
      ['trailing slash', `${base}/board/`, {}],
      ['NUL after board', `${base}/board%00`, {}],
      ['double slash', `/${base}/board`, {}],
      ['another session’s board', boardDocName(other.sessionId), {}],
      ['the board without a cookie', boardDocName(sessionId), { cookie: '' }],
      [
        'the board with a made-up device cookie',
        boardDocName(sessionId),
        { cookie: `rf_device=${randomBytes(32).toString('base64url')}` },
      ],
      [
        'the board from a foreign origin',
        boardDocName(sessionId),
        { origin: 'https://evil.example' },
      ],
    ];
    const accepted: string[] = [];
    for (const [attempt, path, options] of paths) {
      const status = await handshakeStatus(docUrl(server.baseUrl, path), {
        cookie: options.cookie ?? ben().cookie,
        ...(options.origin ? { origin: options.origin } : {}),
      });
      const held = report.record(
        'participant Ben (raw ws)',
        `open /yjs/${attempt}`,
        status === 101 ? 'OPENED' : `HTTP ${status}`,
        status >= 400 && status < 500,
      );
      if (!held) accepted.push(`${attempt}: ${status}`);
    }

    // Socket.IO has no way in either: views are pushed by the server, never requested.
    const spy = closer.add(await spyAs(server.baseUrl, cast.sessionId, ben()));
    for (const event of ['view:private', 'view:facilitation', 'join', 'subscribe']) {
      const ack = await spy.send(event, { participantId: annId, room: annId });
      const held = report.record(
        'participant Ben (Socket.IO)',
        `emit ${event} for Ann`,
        ack.ok ? 'ACCEPTED' : `refused ${ack.error?.code ?? '?'}`,
        !ack.ok,
      );
      if (!held) accepted.push(event);
    }
    const foreign = await spyAs(server.baseUrl, other.sessionId, ben()).then(
      (socket) => {
        socket.close();
        return 'CONNECTED';
      },
      (error: Error) => `refused: ${error.message}`,
    );
    report.record(
      'participant Ben (Socket.IO)',
      'connect to another session',
      foreign,
      foreign !== 'CONNECTED',
    );
    await pause(100);
    const views = spy
      .eventsNamed('view:private')
      .map((seen) => seen.args[0] as { participantId: string });
    const onlyOwn = views.length > 0 && views.every((view) => view.participantId === ben().id);
    report.record(
      'participant Ben (Socket.IO)',
      'private views received',
      `${views.length}, ${onlyOwn ? 'all his own' : 'SOMEONE ELSE’S'}`,
      onlyOwn,
    );

    expect(accepted).toEqual([]);
    expect(foreign).not.toBe('CONNECTED');
    expect(onlyOwn).toBe(true);
    expect(spy.eventsNamed('view:facilitation')).toEqual([]);
  });

  it('a participant opens other documents over the Socket.IO carriage, or sends board bytes without opening one: refused, nothing answered', async () => {
    const other = await castSession(server.baseUrl, 'Sam', []);
    const { sessionId } = cast;
    const annId = cast.get('Ann').id;
    const base = `session/${sessionId}`;
    const spy = closer.add(await spyAs(server.baseUrl, cast.sessionId, ben()));
    // Bytes before any open belong to no replica: dropped, never answered.
    spy.socket.emit('yjs', encodeSync(SyncStep.step1, Y.encodeStateVector(new Y.Doc())));
    spy.socket.emit('yjs', encodeQueryAwareness());
    const names: Array<[string, unknown]> = [
      ['another participant’s private doc', `${base}/private/${annId}`],
      ['own private doc', `${base}/private/${ben().id}`],
      ['the facilitation doc', `${base}/facilitation`],
      ['dot-dot out of the board', `${base}/board/../private/${annId}`],
      ['trailing slash', `${base}/board/`],
      ['another session’s board', boardDocName(other.sessionId)],
      ['no name', undefined],
      ['a number', 42],
      ['an object', { docName: boardDocName(sessionId) }],
    ];
    const accepted: string[] = [];
    for (const [attempt, name] of names) {
      const result = (await spy.socket.timeout(3000).emitWithAck('yjs:open', name)) as {
        ok: boolean;
        code?: number;
      };
      const held = report.record(
        'participant Ben (Socket.IO carriage)',
        `yjs:open ${attempt}`,
        result.ok ? 'OPENED' : `refused ${result.code}`,
        !result.ok && result.code === DocCloseCode.badMessage,
      );
      if (!held) accepted.push(attempt);
    }
    // An open without an ack callback is ignored, and the connection still works.
    spy.socket.emit('yjs:open', boardDocName(sessionId));
    await pause(300);
    const answered = spy.eventsNamed('yjs').length;
    report.record(
      'participant Ben (Socket.IO carriage)',
      'board bytes before opening, and an open without an ack',
      `${answered} board message(s) answered`,
      answered === 0,
    );
    const stillServed = await spy.send('time:sync', {});
    expect(accepted).toEqual([]);
    expect(answered).toBe(0);
    expect(stillServed).toHaveProperty('serverNow');
  });

  it('another spelling of the session id reaches the one live board, or nothing', async () => {
    const shouted = docUrl(server.baseUrl, `session/${cast.sessionId.toUpperCase()}/board`);
    const opened = await RawDocSocket.open(shouted, { cookie: ben().cookie }).then(
      (socket) => closer.add(socket),
      (error: unknown) => (error instanceof HandshakeRefused ? error.status : 0),
    );
    if (typeof opened === 'number') {
      report.record(
        'participant Ben (raw ws)',
        'open the board with the id in upper case',
        `HTTP ${opened}`,
        opened >= 400,
      );
      expect(opened).toBeGreaterThanOrEqual(400);
      return;
    }
    await opened.sync();
    const text = `Seen under every spelling? ${randomBytes(3).toString('hex')}`;
    ok(await ann.command('note:add', { areaId: 'so-what', text }));
    const live = await waitFor(
      () => boardJson(opened.replica).includes(text),
      3000,
      'the note',
    ).then(
      () => true,
      () => false,
    );
    report.record(
      'participant Ben (raw ws)',
      'open the board with the id in upper case, then Ann posts',
      live
        ? 'opened the same live board'
        : 'opened a SECOND, DETACHED copy of the session (a second room)',
      live,
    );
    expect(live).toBe(true);
  });

  it.each(Object.keys(carriers) as Carrier[])(
    'a participant forges awareness over %s for other names and roles: no one else sees the forgery',
    async (carrier) => {
      const attacker = closer.add(await carriers[carrier](server.baseUrl, cast.sessionId, ben()));
      await waitFor(() => attacker.awareness().size >= 3, 5000, 'presence of Fay, Ann and Ben');
      const present = [...attacker.awareness().values()];
      const fayEntry = present.find((entry) => entry.state?.participantId === cast.facilitator.id);
      const annEntry = present.find((entry) => entry.state?.participantId === cast.get('Ann').id);
      expect(fayEntry && annEntry).toBeTruthy();
      const fayAwareness = fayEntry as AwarenessEntry;
      const annAwareness = annEntry as AwarenessEntry;
      const forgedName = 'Fay (facilitator)';
      const forgeries: Array<[string, AwarenessEntry[]]> = [
        [
          'a new client claiming to be Fay, facilitator',
          [
            {
              clientId: 777,
              clock: 1,
              state: {
                participantId: cast.facilitator.id,
                name: forgedName,
                colour: '#000',
                role: 'facilitator',
              },
            },
          ],
        ],
        [
          'Fay’s own awareness id with a newer clock, renamed',
          [
            {
              clientId: fayAwareness.clientId,
              clock: fayAwareness.clock + 100,
              state: { ...fayAwareness.state, name: forgedName, role: 'observer' },
            },
          ],
        ],
        [
          'Fay’s awareness id removed (state null)',
          [{ clientId: fayAwareness.clientId, clock: fayAwareness.clock + 200, state: null }],
        ],
        [
          'Ann promoted to facilitator under her awareness id',
          [
            {
              clientId: annAwareness.clientId,
              clock: annAwareness.clock + 100,
              state: { ...annAwareness.state, role: 'facilitator' },
            },
          ],
        ],
        [
          'himself as a facilitator named Fay',
          [
            {
              clientId: 999_999,
              clock: 5,
              state: {
                participantId: ben().id,
                name: forgedName,
                colour: '#000',
                role: 'facilitator',
              },
            },
          ],
        ],
      ];
      for (const [attempt, entries] of forgeries) {
        attacker.send(encodeAwareness(entries));
        report.held(`participant Ben (${carrier})`, `awareness: ${attempt}`, 'sent');
      }
      attacker.send(encodeQueryAwareness());

      // The same through a real provider: y-websocket sends its local state as a client would.
      const provider = closer.add(ben().browser.connect(cast.sessionId));
      await provider.waitUntilSynced();
      provider.provider.awareness.setLocalState({
        participantId: cast.facilitator.id,
        name: forgedName,
        role: 'facilitator',
      });
      report.held('participant Ben (provider)', 'awareness.setLocalState as Fay', 'sent');

      // A marker after the forgeries: once Dee shows up everywhere, any relayed forgery would have too.
      const dee = closer.add(await boardAs(server.baseUrl, cast.sessionId, cast.get('Dee')));
      await waitFor(
        () => fay.roster().includes('Dee') && ann.roster().includes('Dee'),
        5000,
        'Dee present everywhere',
      );
      await pause(200);

      const truth = new Map([
        [cast.facilitator.id, { name: 'Fay', role: 'facilitator' }],
        [cast.get('Ann').id, { name: 'Ann', role: 'participant' }],
        [ben().id, { name: 'Ben', role: 'participant' }],
        [cast.get('Dee').id, { name: 'Dee', role: 'participant' }],
      ]);
      const views: Array<[string, unknown[]]> = [
        [
          'Fay’s provider',
          [...fay.provider.awareness.getStates().entries()]
            .filter(([id]) => id !== fay.doc.clientID)
            .map(([, state]) => state),
        ],
        [
          'Ann’s provider',
          [...ann.provider.awareness.getStates().entries()]
            .filter(([id]) => id !== ann.doc.clientID)
            .map(([, state]) => state),
        ],
        ['Dee’s raw socket', [...dee.awareness().values()].map((entry) => entry.state)],
      ];
      const failures: string[] = [];
      for (const [who, states] of views) {
        const wrong = states.filter((state) => {
          const claimed = state as { participantId?: string; name?: string; role?: string };
          const real = truth.get(claimed.participantId ?? '');
          return !real || real.name !== claimed.name || real.role !== claimed.role;
        });
        const fayThere = states.some(
          (state) => (state as { participantId?: string }).participantId === cast.facilitator.id,
        );
        const held = wrong.length === 0 && fayThere && !JSON.stringify(states).includes(forgedName);
        report.record(
          'witness',
          `${who}: awareness after the forgeries`,
          held
            ? `${states.length} entries, all true, Fay present`
            : `FORGED: ${JSON.stringify(wrong)}`,
          held,
        );
        if (!held) failures.push(who);
      }
      report.record(
        `participant Ben (${carrier})`,
        'connection after forging',
        attacker.isOpen
          ? 'still open (awareness from clients is dropped)'
          : `closed ${attacker.closeEvent?.code}`,
        true,
      );
      expect(failures).toEqual([]);
    },
  );
});
