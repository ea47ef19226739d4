/**
 * A load-generating worker thread: holds a share of the participants (whole sessions, so that the
 * poster and the receivers of a note are in one thread and share one clock) and runs what the main
 * thread asks.
 */
import { parentPort } from 'node:worker_threads';
import { boardDocKeys, readBoard } from '@reflectory/shared';
import * as Y from 'yjs';
import { inBatches, now, sleep, waitUntil } from '../stats.ts';
import { OurParticipant, acceptAgreement, noteAreaOf, openForNotes } from './ours.ts';
import { PeerParticipant } from './peer.ts';
import type {
  NoteRecord,
  ServerKind,
  SteadyResult,
  WorkerReply,
  WorkerRequest,
} from './worker-protocol.ts';

type Participant = OurParticipant | PeerParticipant;

interface Post {
  poster: string;
  record: NoteRecord;
  measured: boolean;
}

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
// Every y-websocket provider adds a process exit listener; thousands are expected here.
process.setMaxListeners(0);

let kind: ServerKind = 'ours';
const sessions = new Map<number, Participant[]>();
const areas = new Map<number, string>();
const posts = new Map<string, Post>();
const deliveries: number[] = [];
const notePattern = /^bench (\S+) t=(\d+(?:\.\d+)?)$/;

function all(): Participant[] {
  return [...sessions.values()].flat();
}

/** Records, for notes this harness posted, when each other participant's replica got them. */
function observeNotes(participant: Participant): void {
  const notes = participant.doc.getMap<Y.Map<unknown>>(boardDocKeys.notes);
  notes.observe((event) => {
    const at = now();
    event.changes.keys.forEach((change, key) => {
      if (change.action !== 'add') return;
      const text = notes.get(key)?.get('text');
      const match = typeof text === 'string' ? notePattern.exec(text) : null;
      const post = match ? posts.get(match[1]!) : undefined;
      if (!post || post.poster === participant.member.participantId) return;
      const latency = at - post.record.sentAt;
      post.record.received += 1;
      if (post.measured) deliveries.push(latency);
      if (post.record.received === post.record.expected) post.record.allMs = latency;
    });
  });
}

async function connect(request: Extract<WorkerRequest, { type: 'connect' }>) {
  kind = request.kind;
  const started = now();
  await inBatches(request.members, request.concurrency, async (member) => {
    const participant =
      kind === 'ours'
        ? new OurParticipant(member, request.url, request.options)
        : new PeerParticipant(member, request.url);
    const list = sessions.get(member.sessionIndex) ?? [];
    list.push(participant);
    sessions.set(member.sessionIndex, list);
    if (request.options.replica || kind === 'peer') observeNotes(participant);
    await waitUntil(() => participant.ready, 60_000, `participant ${member.name} ready`, 20);
  });
  return { ms: now() - started, count: request.members.length };
}

async function prepare(): Promise<void> {
  for (const [index, members] of sessions) {
    const first = members[0]!;
    if (first instanceof OurParticipant) {
      const facilitator = members.find((m) => m.member.role === 'facilitator') ?? first;
      if (facilitator instanceof OurParticipant) await openForNotes(facilitator);
      await Promise.all(
        members.map((m) => (m instanceof OurParticipant ? acceptAgreement(m) : undefined)),
      );
      await sleep(50);
      areas.set(index, noteAreaOf(first.doc));
    } else {
      const area = readBoard(first.doc).areas[0]?.id;
      if (!area) throw new Error(`session ${index}: the peer's board has no areas`);
      areas.set(index, area);
    }
  }
}

async function postOne(participant: Participant, sessionIndex: number, post: Post, tag: string) {
  const text = `bench ${tag} t=${post.record.sentAt.toFixed(3)}`;
  const area = areas.get(sessionIndex) ?? '';
  if (participant instanceof PeerParticipant) {
    post.record.ackMs = await participant.post(area, text);
    return;
  }
  const { ack, ms } = await participant.command('note:add', { areaId: area, text });
  if (ack.ok) post.record.ackMs = ms;
  else post.record.error = `${ack.error?.code}: ${ack.error?.message}`;
}

async function steady(request: Extract<WorkerRequest, { type: 'steady' }>): Promise<SteadyResult> {
  const started = now();
  const measureFrom = started + request.warmupMs;
  const stopAt = measureFrom + request.durationMs;
  const inFlight: Array<Promise<void>> = [];
  let warmupNotes = 0;
  const timers = [...sessions].map(([index, members]) => {
    let turn = 0;
    let seq = 0;
    const fire = () => {
      const sentAt = now();
      if (sentAt >= stopAt) return;
      const poster = members[turn % members.length]!;
      turn += 1;
      const tag = `${index}-${(seq += 1)}`;
      const measured = sentAt >= measureFrom;
      if (!measured) warmupNotes += 1;
      const post: Post = {
        poster: poster.member.participantId,
        measured,
        record: {
          sentAt,
          ackMs: undefined,
          error: undefined,
          expected: members.length - 1,
          received: 0,
          allMs: undefined,
        },
      };
      posts.set(tag, post);
      inFlight.push(
        postOne(poster, index, post, tag).catch((error: unknown) => {
          post.record.error = String(error);
        }),
      );
    };
    let interval: NodeJS.Timeout | undefined;
    const timeout = setTimeout(() => {
      fire();
      interval = setInterval(fire, request.intervalMs);
    }, request.offsets[index] ?? 0);
    return () => {
      clearTimeout(timeout);
      clearInterval(interval);
    };
  });
  await sleep(stopAt - now());
  for (const stop of timers) stop();
  await Promise.all(inFlight);
  await sleep(request.drainMs);
  const notes = [...posts.values()].filter((post) => post.measured).map((post) => post.record);
  const result = { notes, deliveries: deliveries.splice(0), warmupNotes };
  posts.clear();
  return result;
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'connect':
      return { type: 'connected', ...(await connect(request)) };
    case 'prepare':
      await prepare();
      return { type: 'prepared' };
    case 'status': {
      const everyone = all();
      return {
        type: 'status',
        ready: everyone.filter((p) => p.ready).length,
        total: everyone.length,
      };
    }
    case 'steady':
      return { type: 'steady', result: await steady(request) };
    case 'doc-state': {
      const first = sessions.get(request.sessionIndex)?.[0];
      if (!first) throw new Error(`no session ${request.sessionIndex} in this worker`);
      return { type: 'doc-state', state: Y.encodeStateAsUpdate(first.doc) };
    }
    case 'close':
      for (const participant of all()) participant.close();
      sessions.clear();
      return { type: 'closed' };
  }
}

port.on('message', (message: WorkerRequest & { id: number }) => {
  handle(message)
    .catch((error: unknown): WorkerReply => ({
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }))
    .then((reply) => port.postMessage({ id: message.id, ...reply }));
});
port.postMessage({ type: 'started' });
