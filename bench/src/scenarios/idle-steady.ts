import { join } from 'node:path';
import { boardDocName } from '@reflectory/shared';
import postgres from 'postgres';
import { ClientPool } from '../clients/pool.ts';
import {
  OurParticipant,
  acceptAgreement,
  noteAreaOf,
  openForNotes,
  type ParticipantOptions,
} from '../clients/ours.ts';
import { PeerParticipant } from '../clients/peer.ts';
import type { ServerKind, SteadyResult } from '../clients/worker-protocol.ts';
import { startOurServer, startPeerServer, type Context } from '../context.ts';
import { seedSessions, type SeededSession } from '../seed.ts';
import type { LoadFigures, MemoryFigures } from '../servers/probe-protocol.ts';
import type { ServerUnderTest } from '../servers/process.ts';
import { distribution, sleep, waitUntil, type Distribution } from '../stats.ts';
import { DatabaseFloor } from './database-floor.ts';

export interface IdleResult {
  participants: number;
  connections: number;
  connectMs: number;
  baseline: MemoryFigures;
  idle: MemoryFigures;
  heapPerParticipant: number;
  rssPerParticipant: number;
  externalPerParticipant: number;
  /**
   * The same, from the second half of the participants alone (full minus half, over the half):
   * RSS does not shrink when the heap does, so the baseline can carry start-up pages; the
   * marginal figure is free of them.
   */
  marginalHeapPerParticipant: number;
  marginalRssPerParticipant: number;
}

export interface SteadyFigures {
  notes: number;
  warmupNotes: number;
  failed: number;
  incomplete: number;
  toEveryone: Distribution;
  perDelivery: Distribution;
  ack: Distribution;
  serverCpuShare: number;
  /** The harness's own CPU (every client thread) over wall time: 1 = the clients' core is full. */
  clientCpuShare: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcMaxMs: number;
  gcTotalMs: number;
  /** The same database work done from the harness meanwhile, see DatabaseFloor. */
  databaseFloor: Distribution;
  errors: string[];
}

export interface IdleSteadyResult {
  kind: ServerKind;
  idle: IdleResult;
  /** Absent when S1 ran with one kind of connection only (a diagnosis, not a scenario). */
  steady?: SteadyFigures;
}

/** What the peer needs from our run: the same people, and the same documents at S1 time. */
export interface Population {
  sessions: SeededSession[];
  warmup: SeededSession;
  documents: Map<string, Uint8Array>;
}

function summarise(
  result: SteadyResult,
  load: LoadFigures,
  clientCpuShare: number,
  databaseFloor: Distribution,
): SteadyFigures {
  const errors = [...new Set(result.notes.flatMap((n) => (n.error ? [n.error] : [])))];
  return {
    notes: result.notes.length,
    warmupNotes: result.warmupNotes,
    failed: result.notes.filter((n) => n.ackMs === undefined).length,
    incomplete: result.notes.filter((n) => n.allMs === undefined).length,
    toEveryone: distribution(result.notes.flatMap((n) => (n.allMs === undefined ? [] : [n.allMs]))),
    perDelivery: distribution(result.deliveries),
    ack: distribution(result.notes.flatMap((n) => (n.ackMs === undefined ? [] : [n.ackMs]))),
    serverCpuShare: load.cpuShare,
    clientCpuShare,
    databaseFloor,
    loopDelayP99Ms: load.loopDelayP99Ms,
    loopDelayMaxMs: load.loopDelayMaxMs,
    gcMaxMs: load.gcMaxMs,
    gcTotalMs: load.gcTotalMs,
    errors: errors.slice(0, 5),
  };
}

/** Exercises the server's paths once, so JIT and lazy set-up are not counted as participants'. */
async function warmUp(kind: ServerKind, server: ServerUnderTest, session: SeededSession) {
  if (kind === 'ours') {
    const people = session.members.map(
      (m) => new OurParticipant(m, server.baseUrl, { commands: true, replica: 'carried' }),
    );
    await waitUntil(() => people.every((p) => p.ready), 30_000, 'warm-up clients ready');
    await openForNotes(people[0]!);
    for (const person of people) await acceptAgreement(person);
    await sleep(100);
    const areaId = noteAreaOf(people[0]!.doc);
    for (let i = 0; i < 20; i += 1) {
      const { ack } = await people[i % people.length]!.command('note:add', {
        areaId,
        text: `warm-up ${i}`,
      });
      if (!ack.ok) throw new Error(`warm-up note refused: ${JSON.stringify(ack.error)}`);
    }
    for (const person of people) person.close();
  } else {
    const url = server.baseUrl.replace(/^http/, 'ws');
    const people = session.members.map((m) => new PeerParticipant(m, url));
    await waitUntil(() => people.every((p) => p.ready), 30_000, 'warm-up peers ready');
    for (let i = 0; i < 20; i += 1) await people[i % people.length]!.post('what', `warm-up ${i}`);
    for (const person of people) person.close();
  }
  await sleep(1_000);
}

/**
 * S1 then S2 on one population: 2,000 people connect and sit idle (memory per participant after
 * GC), then every session posts one note a second (latency to every other replica, and acks).
 */
export async function runIdleAndSteady(
  kind: ServerKind,
  context: Context,
  population: Population | undefined,
): Promise<{ result: IdleSteadyResult; population: Population }> {
  const { scale } = context;
  const server = kind === 'ours' ? await startOurServer(context) : await startPeerServer(context);
  const pool = new ClientPool(
    kind,
    kind === 'ours' ? server.baseUrl : server.baseUrl.replace(/^http/, 'ws'),
    context.threads,
  );
  try {
    let people = population;
    if (!people) {
      context.log(`  seeding ${scale.sessions} sessions of ${scale.perSession} over HTTP`);
      const sessions = await seedSessions(server.baseUrl, scale.sessions, scale.perSession);
      const [warmup] = await seedSessions(server.baseUrl, 1, 3, scale.sessions);
      people = { sessions, warmup: warmup!, documents: new Map() };
    } else {
      await seedPeerDocuments(context.databaseUrl, people.documents);
    }
    await warmUp(kind, server, people.warmup);
    const baseline = await server.memory();
    if (context.profile)
      await server.heapSnapshot(join(context.profileDir, `s1-${kind}-before.heapsnapshot`));

    context.log(`  connecting ${scale.sessions * scale.perSession} participants to ${server.name}`);
    const half = Math.ceil(people.sessions.length / 2);
    const first = await pool.connect(people.sessions.slice(0, half), connectionsOf(kind, context));
    await sleep(3_000);
    const middle = await server.memory();
    const second = await pool.connect(people.sessions.slice(half), connectionsOf(kind, context));
    const connected = { ms: first.ms + second.ms, count: first.count + second.count };
    await sleep(3_000);
    const status = await pool.status();
    if (status.ready !== status.total)
      throw new Error(`${status.total - status.ready} participants lost their connection`);
    const idle = await server.memory();
    if (context.profile)
      await server.heapSnapshot(join(context.profileDir, `s1-${kind}.heapsnapshot`));
    if (kind === 'ours') {
      for (const session of people.sessions)
        people.documents.set(session.sessionId, await pool.docState(session.index));
    }
    const n = connected.count;
    const idleResult: IdleResult = {
      participants: n,
      connections: kind === 'ours' ? n * connectionCount(context) : n,
      connectMs: connected.ms,
      baseline,
      idle,
      heapPerParticipant: (idle.heapUsed - baseline.heapUsed) / n,
      rssPerParticipant: (idle.rss - baseline.rss) / n,
      externalPerParticipant: (idle.external - baseline.external) / n,
      marginalHeapPerParticipant: (idle.heapUsed - middle.heapUsed) / second.count,
      marginalRssPerParticipant: (idle.rss - middle.rss) / second.count,
    };

    if (context.connections !== 'both')
      return { result: { kind, idle: idleResult }, population: people };

    context.log(`  steady load: ${scale.sessions} notes/s for ${scale.durationMs / 1000} s`);
    await pool.prepare();
    await server.resetLoad();
    const clientCpu = process.cpuUsage();
    const clientWall = performance.now();
    if (context.profile) await server.profileStart();
    const floor = new DatabaseFloor(context.databaseUrl);
    await floor.start();
    const steady = await pool.steady(people.sessions.length, {
      intervalMs: 1000,
      warmupMs: scale.warmupMs,
      durationMs: scale.durationMs,
      drainMs: scale.drainMs,
    });
    const load = await server.load();
    const databaseFloor = await floor.stop();
    const used = process.cpuUsage(clientCpu);
    const clientShare = (used.user + used.system) / 1000 / (performance.now() - clientWall);
    if (context.profile)
      await server.profileStop(join(context.profileDir, `s2-${kind}.cpuprofile`));
    return {
      result: {
        kind,
        idle: idleResult,
        steady: summarise(steady, load, clientShare, databaseFloor),
      },
      population: people,
    };
  } finally {
    await pool.close();
    await server.stop();
  }
}

/**
 * What each of our participants holds in S1: by default what the browser does (commands with the
 * board carried on the same connection); for diagnosis, one part alone or the two connections
 * a participant held before the carriage.
 */
function connectionsOf(kind: ServerKind, context: Context): ParticipantOptions {
  if (kind === 'peer') return { commands: true, replica: 'carried' };
  switch (context.connections) {
    case 'both':
      return { commands: true, replica: 'carried' };
    case 'commands':
      return { commands: true, replica: false };
    case 'replica':
      return { commands: false, replica: 'yjs' };
    case 'separate':
      return { commands: true, replica: 'yjs' };
  }
}

function connectionCount(context: Context): number {
  return context.connections === 'separate' ? 2 : 1;
}

/** Gives the peer the documents our clients held at S1 time, byte for byte the same content. */
async function seedPeerDocuments(databaseUrl: string, documents: Map<string, Uint8Array>) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    for (const [sessionId, state] of documents) {
      const name = boardDocName(sessionId);
      await sql`
        insert into peer_documents (name, data) values (${name}, ${Buffer.from(state)})
        on conflict (name) do update set data = excluded.data`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
