import type { Database } from '@reflectory/server';
import { DocCloseCode, type CommandName } from '@reflectory/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { waitFor } from '../support/live-client.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok, prepareBoard } from './support/board-setup.ts';
import { Closer, boardAs, boardUrl, castSession, spyAs, type Cast } from './support/cast.ts';
import {
  allCommands,
  facilitatorCommands,
  facilitatorControlOrder,
  payloadFor,
  teamSessionCommands,
  type PayloadTargets,
} from './support/command-payloads.ts';
import {
  HandshakeRefused,
  RawDocSocket,
  SyncStep,
  encodeSync,
  pause,
} from './support/raw-doc-socket.ts';
import { SpySocket } from './support/spy-socket.ts';
import { boardJson, forgedNoteUpdate } from './support/yjs-forensics.ts';

/**
 * [Invariant 3] Roles are enforced on the server, for every command and every document
 * connection, and a role change applies to open connections at once. Each attacker below holds a
 * real device cookie and speaks raw Socket.IO and raw y-websocket.
 */
describe('adversarial: roles are enforced on the server', () => {
  let database: Database;
  let server: RunningApp;
  const report = new AttackReport('role enforcement');
  const closer = new Closer();

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: new LogCapture(),
      rooms: { releaseMinMs: 100, releaseJitterMs: 200 },
    });
  });
  afterEach(() => closer.closeAll());
  afterAll(async () => {
    report.print();
    await server?.close();
    await database?.close();
  });

  /** A session with a prepared board, the facilitator live and the named members joined. */
  async function boardWith(names: string[]) {
    const cast = await castSession(server.baseUrl, 'Fay', ['Ann', ...names]);
    const fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    const ann = closer.add(cast.get('Ann').browser.connect(cast.sessionId));
    await Promise.all([fay.waitUntilSynced(), ann.waitUntilSynced()]);
    const targets = await prepareBoard(fay, ann);
    return { cast, fay, ann, targets };
  }

  /** The board as a newcomer would receive it now: its state vector and its content. */
  async function freshBoard(cast: Cast) {
    const socket = await boardAs(server.baseUrl, cast.sessionId, cast.facilitator);
    const state = {
      vector: Array.from(Y.encodeStateVector(socket.replica)),
      json: boardJson(socket.replica),
    };
    socket.close();
    return state;
  }

  function refusedAsForbidden(ack: { ok: boolean; error?: { code: string } }): boolean {
    return ack.ok === false && ack.error?.code === 'forbidden';
  }

  function outcomeOf(ack: { ok: boolean; error?: { code: string } }): string {
    return ack.ok ? 'ACCEPTED' : `refused ${ack.error?.code ?? '?'}`;
  }

  it('a participant sends every facilitator command with a valid payload: each is refused forbidden and the board does not change', async () => {
    const { cast, fay, targets } = await boardWith(['Ben', 'Cora']);
    const ben = cast.get('Ben');
    const spy = closer.add(await spyAs(server.baseUrl, cast.sessionId, ben));
    const replica = closer.add(await boardAs(server.baseUrl, cast.sessionId, ben));
    await waitFor(() => spy.eventsNamed('view:private').length > 0, 5000, 'private view');
    const before = await freshBoard(cast);
    const updatesBefore = replica.count('update');
    const full: PayloadTargets = {
      ...targets,
      roleTargetId: ben.id,
      removeTargetId: cast.get('Cora').id,
    };

    const refusals: boolean[] = [];
    for (const name of facilitatorCommands) {
      const ack = await spy.send(name, payloadFor(name, full));
      const held = report.record('participant Ben', name, outcomeOf(ack), refusedAsForbidden(ack));
      refusals.push(held);
    }
    // Tampering with someone else's note is a contributor command, refused as well.
    for (const name of ['note:edit', 'note:delete'] as const) {
      const ack = await spy.send(name, payloadFor(name, full));
      refusals.push(
        report.record(
          'participant Ben',
          `${name} on Ann's note`,
          outcomeOf(ack),
          refusedAsForbidden(ack),
        ),
      );
    }

    await pause(200);
    const after = await freshBoard(cast);
    const unchanged = after.vector.join() === before.vector.join() && after.json === before.json;
    const noUpdates = replica.count('update') === updatesBefore;
    const lastView = spy.eventsNamed('view:private').at(-1)?.args[0] as { role?: string };
    report.record(
      'participant Ben',
      'afterwards: board doc, own replica, own role',
      `doc ${unchanged ? 'unchanged' : 'CHANGED'}, ${replica.count('update') - updatesBefore} updates, role ${lastView.role}`,
      unchanged && noUpdates && lastView.role === 'participant',
    );

    expect(facilitatorCommands.length).toBe(23);
    expect(refusals.every(Boolean)).toBe(true);
    expect(after).toEqual(before);
    expect(noUpdates).toBe(true);
    expect(lastView.role).toBe('participant');
    expect(fay.board().notes.map((note) => note.text)).toEqual(['A note everyone can see']);
  });

  it('control: the same payloads, sent by the facilitator, each succeed', async () => {
    const { cast, targets } = await boardWith(['Ben', 'Cora']);
    const spy = closer.add(await spyAs(server.baseUrl, cast.sessionId, cast.facilitator));
    const full: PayloadTargets = {
      ...targets,
      roleTargetId: cast.get('Ben').id,
      removeTargetId: cast.get('Cora').id,
    };
    expect([...facilitatorControlOrder].sort()).toEqual(
      facilitatorCommands.filter((name) => !teamSessionCommands.has(name)).sort(),
    );
    const results: Array<[CommandName, boolean]> = [];
    for (const name of facilitatorControlOrder) {
      const ack = await spy.send(name, payloadFor(name, full));
      results.push([name, ack.ok]);
      report.record('facilitator Fay (control)', name, outcomeOf(ack), ack.ok);
    }
    expect(results.filter(([, accepted]) => !accepted)).toEqual([]);
  });

  it('an observer (made by role:set) tries every command and every document write: all refused', async () => {
    const { cast, fay, targets } = await boardWith(['Olive']);
    const olive = cast.get('Olive');
    ok(await fay.command('role:set', { participantId: olive.id, role: 'observer' }));
    const spy = closer.add(await spyAs(server.baseUrl, cast.sessionId, olive));
    await waitFor(
      () =>
        (spy.eventsNamed('view:private').at(-1)?.args[0] as { role?: string } | undefined)?.role ===
        'observer',
      5000,
      'observer view',
    );
    const before = await freshBoard(cast);
    const full: PayloadTargets = {
      ...targets,
      roleTargetId: olive.id,
      removeTargetId: cast.get('Ann').id,
    };

    const gotThrough: string[] = [];
    for (const name of allCommands) {
      const ack = await spy.send(name, payloadFor(name, full));
      if (name === 'agreement:accept') {
        // Accepting the confidentiality agreement is not a write on the board; it binds readers too.
        report.held('observer Olive', name, `${outcomeOf(ack)} (not a board write)`);
        continue;
      }
      if (!report.record('observer Olive', name, outcomeOf(ack), refusedAsForbidden(ack))) {
        gotThrough.push(name);
      }
    }

    const forged = 'ATTACK: observer forged note';
    const writes: Array<[string, Uint8Array]> = [
      ['sync step 2 with a forged note', encodeSync(SyncStep.step2, forgedNoteUpdate(7, forged))],
      ['update with a forged note', encodeSync(SyncStep.update, forgedNoteUpdate(8, forged))],
    ];
    for (const [attempt, bytes] of writes) {
      const socket = closer.add(await boardAs(server.baseUrl, cast.sessionId, olive));
      socket.send(bytes);
      const { code } = await socket.closed;
      if (
        !report.record(
          'observer Olive',
          `doc: ${attempt}`,
          `closed ${code}`,
          code === DocCloseCode.readOnly,
        )
      ) {
        gotThrough.push(attempt);
      }
    }

    await pause(200);
    const after = await freshBoard(cast);
    const unchanged = after.json === before.json && !after.json.includes(forged);
    report.record(
      'observer Olive',
      'afterwards: the board doc',
      unchanged ? 'unchanged' : 'CHANGED',
      unchanged,
    );
    expect(gotThrough).toEqual([]);
    expect(after).toEqual(before);
    expect(boardJson(fay.doc)).not.toContain(forged);
  });

  it('a demoted co-facilitator’s next command is refused at once, and facilitation views stop', async () => {
    const { cast, fay, ann, targets } = await boardWith(['Cora']);
    const cora = cast.get('Cora');
    ok(await fay.command('role:set', { participantId: cora.id, role: 'co-facilitator' }));
    const spy = closer.add(await spyAs(server.baseUrl, cast.sessionId, cora));
    await waitFor(() => spy.eventsNamed('view:facilitation').length > 0, 5000, 'facilitation');
    const promoted = await spy.send('timer:start', { durationMs: 60_000 });
    report.record('co-facilitator Cora', 'timer:start while promoted', outcomeOf(promoted), true);
    expect(promoted.ok).toBe(true);

    ok(await fay.command('role:set', { participantId: cora.id, role: 'participant' }));
    const full: PayloadTargets = {
      ...targets,
      roleTargetId: cora.id,
      removeTargetId: fay.privateView?.participantId ?? '',
    };
    const refusals: boolean[] = [];
    for (const name of facilitatorCommands) {
      const ack = await spy.send(name, payloadFor(name, full));
      refusals.push(
        report.record(
          'demoted Cora',
          `${name} right after demotion`,
          outcomeOf(ack),
          refusedAsForbidden(ack),
        ),
      );
    }

    const viewsBefore = spy.eventsNamed('view:facilitation').length;
    ok(await ann.command('note:add', { areaId: targets.stepId, text: 'Another visible note' }));
    ok(await fay.command('board:lock', { locked: false }));
    await pause(200);
    const leaked = spy.eventsNamed('view:facilitation').length - viewsBefore;
    report.record(
      'demoted Cora',
      'keeps listening for view:facilitation',
      `${leaked} facilitation views after demotion`,
      leaked === 0,
    );
    ok(await fay.command('role:set', { participantId: cora.id, role: 'observer' }));
    const write = await spy.send('note:add', {
      areaId: targets.stepId,
      text: 'ATTACK: as observer',
    });
    report.record(
      'demoted Cora',
      'note:add right after becoming observer',
      outcomeOf(write),
      refusedAsForbidden(write),
    );
    // Presence follows the role change on connections that were already open.
    const coraPresence = () =>
      [...fay.provider.awareness.getStates().values()].find(
        (state) => (state as { participantId?: string }).participantId === cora.id,
      ) as { role?: string } | undefined;
    const coraBoard = closer.add(await boardAs(server.baseUrl, cast.sessionId, cora));
    await waitFor(() => coraPresence()?.role === 'observer', 5000, 'presence shows observer');

    expect(refusals.every(Boolean)).toBe(true);
    expect(leaked).toBe(0);
    expect(refusedAsForbidden(write)).toBe(true);
    expect(coraBoard.isOpen).toBe(true);
  });

  it('a role change and a removal reach connections opened with another spelling of the session id', async () => {
    const { cast, fay, targets } = await boardWith(['Cora', 'Ben']);
    const cora = cast.get('Cora');
    const ben = cast.get('Ben');
    ok(await fay.command('role:set', { participantId: cora.id, role: 'co-facilitator' }));
    const benLive = closer.add(await spyAs(server.baseUrl, cast.sessionId, ben));
    expect((await benLive.send('agreement:accept')).ok).toBe(true);
    // A UUID is case-insensitive to PostgreSQL and to the payload schema, so this authenticates.
    const shouted = cast.sessionId.toUpperCase();
    const coraSocket = closer.add(new SpySocket(server.baseUrl, shouted, cora.cookie));
    const benSocket = closer.add(new SpySocket(server.baseUrl, shouted, ben.cookie));
    const connected = await Promise.all(
      [coraSocket, benSocket].map((socket) =>
        socket.connected().then(
          () => true,
          () => false,
        ),
      ),
    );
    report.record(
      'Cora and Ben',
      'connect Socket.IO with the session id in upper case',
      connected.every(Boolean) ? 'connected' : 'refused',
      true,
    );
    if (connected.every(Boolean)) {
      await waitFor(
        () => coraSocket.eventsNamed('view:private').length > 0,
        5000,
        'Cora’s private view',
      );
      ok(await fay.command('role:set', { participantId: cora.id, role: 'participant' }));
      ok(await fay.command('participant:remove', { participantId: ben.id }));
      await pause(200);
      const demoted = await coraSocket.send('timer:start', { durationMs: 60_000 });
      report.record(
        'demoted Cora (upper-case id)',
        'timer:start after demotion',
        outcomeOf(demoted),
        refusedAsForbidden(demoted),
      );
      const removedStillThere = benSocket.socket.connected;
      report.record(
        'removed Ben (upper-case id)',
        'his open Socket.IO connection after removal',
        removedStillThere ? 'STILL CONNECTED' : 'ended',
        !removedStillThere,
      );
      const removed = removedStillThere
        ? await benSocket.send('note:add', { areaId: targets.stepId, text: 'ATTACK: removed' })
        : { ok: false, error: { code: 'disconnected' } };
      report.record(
        'removed Ben (upper-case id)',
        'note:add after removal',
        removedStillThere ? outcomeOf(removed) : 'connection ended',
        !removed.ok,
      );
      await pause(200);
      const leaked = fay.board().notes.some((note) => note.text === 'ATTACK: removed');
      expect(refusedAsForbidden(demoted)).toBe(true);
      expect(removed.ok).toBe(false);
      expect(leaked).toBe(false);
    }
  });

  it('a removed participant’s open connections end at once and cannot come back as them', async () => {
    const { cast, fay } = await boardWith(['Ben']);
    const ben = cast.get('Ben');
    const tabs = [
      closer.add(await spyAs(server.baseUrl, cast.sessionId, ben)),
      closer.add(await spyAs(server.baseUrl, cast.sessionId, ben)),
    ];
    const replica = closer.add(await boardAs(server.baseUrl, cast.sessionId, ben));
    await waitFor(
      () => tabs.every((tab) => tab.eventsNamed('view:private').length > 0),
      5000,
      'views',
    );
    ok(await fay.command('participant:remove', { participantId: ben.id }));

    const { code } = await replica.closed;
    report.record(
      'removed Ben',
      'open board connection',
      `closed ${code}`,
      code === DocCloseCode.revoked,
    );
    for (const [index, tab] of tabs.entries()) {
      await waitFor(() => tab.eventsNamed('connection:refused').length > 0, 5000, 'refused');
      await waitFor(() => !tab.socket.connected, 5000, 'disconnected');
      report.record(
        'removed Ben',
        `open Socket.IO connection (tab ${index + 1})`,
        `connection:refused, then ${tab.disconnectReason ?? '?'}`,
        true,
      );
    }

    const again = closer.add(new SpySocket(server.baseUrl, cast.sessionId, ben.cookie));
    const reconnect = await again.connected().then(
      () => 'CONNECTED',
      (error: Error) => `refused: ${error.message}`,
    );
    report.record(
      'removed Ben',
      'reconnect Socket.IO with the old cookie',
      reconnect,
      reconnect !== 'CONNECTED',
    );
    const docStatus = await RawDocSocket.open(boardUrl(server.baseUrl, cast.sessionId), {
      cookie: ben.cookie,
    }).then(
      (socket) => {
        socket.close();
        return 101;
      },
      (error: unknown) => (error instanceof HandshakeRefused ? error.status : 0),
    );
    report.record(
      'removed Ben',
      'reopen the board with the old cookie',
      `HTTP ${docStatus}`,
      docStatus === 403,
    );
    const membership = await ben.browser.request('GET', `/api/sessions/${cast.sessionId}`);
    const refusedStatus = (status: number) => status === 401 || status === 403;
    report.record(
      'removed Ben',
      'GET /api/sessions/:id with the old cookie',
      `HTTP ${membership.status}`,
      refusedStatus(membership.status),
    );
    const rejoin = await ben.browser.request<{ you?: { id: string } }>('POST', '/api/join', {
      code: cast.joinCode,
      displayName: 'Ben',
    });
    const cameBack = rejoin.status === 200 && rejoin.body.you?.id === ben.id;
    report.record(
      'removed Ben',
      'POST /api/join with the code again',
      cameBack
        ? 'came back AS THEM'
        : rejoin.status === 200
          ? 'admitted as a new participant'
          : `HTTP ${rejoin.status}`,
      !cameBack,
    );

    expect(code).toBe(DocCloseCode.revoked);
    expect(reconnect).not.toBe('CONNECTED');
    expect(docStatus).toBe(403);
    expect(refusedStatus(membership.status)).toBe(true);
    expect(cameBack).toBe(false);
  });
});
