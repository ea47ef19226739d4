import type { Database } from '@reflectory/server';
import { readBoard, type Presence } from '@reflectory/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import type { LiveConnection } from '../support/live-client.ts';
import {
  countPostingOrder,
  postAnonymousRound,
  randomOrder,
  type Poster,
  type Round,
} from './support/anonymous-rounds.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok } from './support/board-setup.ts';
import { Closer, boardAs, castSession, spyAs, type Cast } from './support/cast.ts';
import { pause, type RawDocSocket } from './support/raw-doc-socket.ts';
import type { SpySocket } from './support/spy-socket.ts';
import { noteItemClocks, structFacts, type StructFact } from './support/yjs-forensics.ts';

const step = 'what';
const rounds = 10;
/** Rounds whose posts straddled a release are replayed, up to this many in all. */
const maxRounds = 14;
const people = ['Ann Ashby', 'Ben Brook', 'Cora Crane', 'Dee Dale', 'Eli Ember'];
/**
 * Shorter than the real 2000 + up to 3000 ms, for speed; long enough that five posts 10 ms apart
 * fall into one batch even on a loaded machine.
 */
const release = { releaseMinMs: 700, releaseJitterMs: 100 };

/**
 * [Invariant 1] A facilitator tries to link each anonymous note to its author from everything
 * their client receives: the Yjs structs (client ids and clocks), the order of a released batch,
 * when it arrives, awareness, and Socket.IO events. Five people post one note each per batch, in
 * an order the test chooses, over ten batches.
 */
describe('adversarial: a facilitator cannot link anonymous notes to their authors', () => {
  let database: Database;
  let server: RunningApp;
  const report = new AttackReport('anonymity against the facilitator');
  const closer = new Closer();
  let cast: Cast;
  let fay: LiveConnection;
  let fayDoc: RawDocSocket;
  let faySocket: SpySocket;
  let posters: Poster[];
  let serverWrites: StructFact[];
  let roomWrites: StructFact[];
  const played: Round[] = [];
  /** Rounds released in one batch (all of them, unless a release fell between two posts). */
  const complete = () => played.filter((round) => round.frames.length === 1);

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: new LogCapture(),
      rooms: { ...release, sweepMs: 60_000 },
    });
    cast = await castSession(server.baseUrl, 'Fay', people);
    fayDoc = closer.add(await boardAs(server.baseUrl, cast.sessionId, cast.facilitator));
    faySocket = closer.add(await spyAs(server.baseUrl, cast.sessionId, cast.facilitator));
    fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    await fay.waitUntilSynced();
    posters = [];
    for (const member of cast.members) {
      posters.push({
        member,
        socket: closer.add(await spyAs(server.baseUrl, cast.sessionId, member)),
      });
    }
    const syncedFrames = fayDoc.received.length;
    await fay.goTo('agreement');
    for (const poster of posters)
      expect((await poster.socket.send('agreement:accept')).ok).toBe(true);
    await fay.goTo(step);
    ok(await fay.command('step:visibility', { stepId: step, visibility: 'anonymous' }));
    await pause(200);
    serverWrites = fayDoc.updates().flatMap(structFacts);
    // The room's own writes: the updates that moved to the step and set its visibility.
    roomWrites = fayDoc.received
      .slice(syncedFrames)
      .flatMap((frame) =>
        frame.message.kind === 'update' ? structFacts(frame.message.update) : [],
      );

    for (let index = 0; index < maxRounds && complete().length < rounds; index += 1) {
      played.push(
        await postAnonymousRound(randomOrder(posters), {
          stepId: step,
          tag: `R${index}`,
          gapMs: 10,
          watcher: fayDoc,
        }),
      );
      await pause(50);
    }
  });
  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
  });

  it('every Yjs item of anonymous content carries the server’s client id, the same as other server-written items', () => {
    const roomClients = [...new Set(roomWrites.map((fact) => fact.client))];
    expect(roomClients).toHaveLength(1);
    const serverClient = roomClients[0];
    const serverClients = new Set(serverWrites.map((fact) => fact.client));
    const awarenessIds = new Set([...fayDoc.awareness().keys()]);
    const failures: string[] = [];
    for (const [index, round] of played.entries()) {
      const ids = new Set(round.posted.map((post) => post.noteId));
      const facts = round.frames.flatMap((frame) =>
        frame.message.kind === 'update' ? structFacts(frame.message.update) : [],
      );
      const noteItems = facts.filter(
        (fact) => fact.parent === 'notes' && ids.has(fact.parentSub ?? ''),
      );
      const itemIds = new Set(noteItems.map((fact) => `${fact.client}:${fact.clock}`));
      const anonymous = [...noteItems, ...facts.filter((fact) => itemIds.has(fact.parent ?? ''))];
      const clients = [...new Set(anonymous.map((fact) => fact.client))];
      const held =
        clients.length === 1 && clients[0] === serverClient && !awarenessIds.has(clients[0] ?? -1);
      report.record(
        'facilitator Fay (Yjs)',
        `round ${index + 1}: client ids of ${anonymous.length} anonymous structs`,
        held
          ? `all ${serverClient} (the server's, as its step changes)`
          : `CLIENTS ${clients.join(', ')}`,
        held,
      );
      if (!held) failures.push(`round ${index + 1}`);
    }
    const foreign = [
      ...new Set(
        fayDoc
          .updates()
          .flatMap(structFacts)
          .map((fact) => fact.client),
      ),
    ].filter((client) => !serverClients.has(client));
    report.record(
      'facilitator Fay (Yjs)',
      'client ids across every update received',
      foreign.length === 0
        ? `only the server's (${[...serverClients].join(', ')})`
        : `FOREIGN ${foreign.join(', ')}`,
      foreign.length === 0,
    );
    expect(failures).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('the released order is not the posting order (ten batches of five)', () => {
    const batches = complete();
    const replica = fayDoc.replica;
    const notes = replica.getMap<Y.Map<unknown>>('notes');
    const board = readBoard(replica);
    const observables: Array<[string, (round: Round) => string[]]> = [
      [
        'Yjs item clocks within the batch update',
        (round) => {
          const clocks =
            round.frames[0]?.message.kind === 'update'
              ? noteItemClocks(round.frames[0].message.update)
              : new Map<string, number>();
          return round.posted
            .map((post) => post.noteId)
            .sort((a, b) => (clocks.get(a) ?? 0) - (clocks.get(b) ?? 0));
        },
      ],
      [
        'iteration order of the replica’s notes map',
        (round) => {
          const ids = new Set(round.posted.map((post) => post.noteId));
          return [...notes.keys()].filter((id) => ids.has(id));
        },
      ],
      [
        'the notes’ `order` field',
        (round) =>
          round.posted
            .map((post) => post.noteId)
            .sort(
              (a, b) => Number(notes.get(a)?.get('order')) - Number(notes.get(b)?.get('order')),
            ),
      ],
      [
        'the order readBoard shows',
        (round) => {
          const ids = new Set(round.posted.map((post) => post.noteId));
          return board.notes.filter((note) => ids.has(note.id)).map((note) => note.id);
        },
      ],
    ];
    const limit = Math.floor(batches.length * 0.3);
    const failures: string[] = [];
    for (const [what, orderOf] of observables) {
      const same = countPostingOrder(batches, orderOf);
      const held = report.record(
        'facilitator Fay (order)',
        what,
        `equals the posting order in ${same} of ${batches.length} batches (chance: 1 in 120 each)`,
        same <= limit,
      );
      if (!held) failures.push(`${what}: ${same}/${batches.length}`);
    }
    expect(batches.length).toBeGreaterThanOrEqual(rounds);
    expect(failures).toEqual([]);
  });

  it('all notes of a batch arrive together, in one update at one instant, never at the moment of a post', () => {
    const failures: string[] = [];
    for (const [index, round] of played.entries()) {
      const lastAck = Math.max(...round.posted.map((post) => post.ackedAt));
      const spread = lastAck - round.startedAt;
      const arrivals = round.frames.map((frame) => frame.at - round.startedAt);
      // A release fires at least releaseMinMs after the first note it holds was posted.
      const early = arrivals.filter((after) => after < release.releaseMinMs - 20);
      const together = round.frames.length === 1 && (round.frames[0]?.at ?? 0) > lastAck;
      const held = early.length === 0 && (together || round.frames.length > 1);
      report.record(
        'facilitator Fay (timing)',
        `round ${index + 1}: 5 posts over ${spread.toFixed(0)} ms`,
        `${round.frames.length} update(s), ${arrivals.map((after) => after.toFixed(0)).join(' and ')} ms after the first post${together ? '' : ' (a release fell between posts: two batches)'}`,
        held,
      );
      if (!held) failures.push(`round ${index + 1}`);
    }
    expect(failures).toEqual([]);
    expect(complete().length).toBeGreaterThanOrEqual(rounds);
  });

  it('while people post anonymously, the facilitator’s socket and awareness receive nothing, and nor does anyone else', () => {
    const failures: string[] = [];
    for (const [index, round] of played.entries()) {
      // Nothing the release itself sends can arrive before releaseMinMs after the first post.
      const from = round.startedAt;
      const until = round.startedAt + release.releaseMinMs - 50;
      const inWindow = (at: number) => at >= from && at < until;
      const events = faySocket.events.filter((seen) => inWindow(seen.at));
      const presence = fayDoc.received.filter(
        (frame) => frame.message.kind === 'awareness' && inWindow(frame.at),
      );
      const bystanders = posters.flatMap((poster) =>
        poster.socket.events.filter(
          (seen) =>
            inWindow(seen.at) &&
            !(
              seen.event === 'view:private' &&
              (seen.args[0] as { participantId?: string }).participantId === poster.member.id
            ),
        ),
      );
      const held = events.length === 0 && presence.length === 0 && bystanders.length === 0;
      report.record(
        'facilitator Fay (events)',
        `round ${index + 1}: socket, awareness and others during the posts`,
        held
          ? 'nothing'
          : `LEAK: ${events.map((seen) => `${seen.event} ${JSON.stringify(seen.args[0]).slice(0, 80)}`).join('; ')}${presence.length ? `; ${presence.length} awareness frames` : ''}${bystanders.length ? `; ${bystanders.length} events to others` : ''}`,
        held,
      );
      if (!held) failures.push(`round ${index + 1}`);
    }
    const states = [...fayDoc.awareness().values()].map((entry) => entry.state as Presence);
    const fields = [...new Set(states.flatMap((state) => Object.keys(state)))].sort();
    report.record(
      'facilitator Fay (awareness)',
      'fields in presence',
      fields.join(', '),
      fields.join() === 'colour,name,participantId,role',
    );
    expect(fields).toEqual(['colour', 'name', 'participantId', 'role']);
    expect(failures).toEqual([]);
  });
});
