import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Member } from './cast.ts';
import { pause, waitUntil, type RawDocSocket, type Received } from './raw-doc-socket.ts';
import type { SpySocket } from './spy-socket.ts';
import { structFacts } from './yjs-forensics.ts';

export interface Poster {
  member: Member;
  socket: SpySocket;
}

export interface Posted {
  posterId: string;
  /** The command that posted it (what its receipt is keyed by). */
  commandId: string;
  noteId: string;
  text: string;
  secret: string;
  /** performance.now() when the command was sent and when its ack came back. */
  sentAt: number;
  ackedAt: number;
}

export interface Round {
  /** In the order they were posted. */
  posted: Posted[];
  /** performance.now() and Date.now() when the first post was sent. */
  startedAt: number;
  startedWall: number;
  /** Frames of the watcher's board connection that carried this round's notes. */
  frames: Received[];
}

/** A random order of `items` (the test's own choice of who posts first). */
export function randomOrder<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Posts one anonymous note as `poster` and returns what only its author knows. */
export async function postAnonymous(poster: Poster, stepId: string, text: string): Promise<Posted> {
  const secret = randomBytes(32).toString('base64url');
  const commandId = randomUUID();
  const sentAt = performance.now();
  const ack = await poster.socket.send('note:add', {
    commandId,
    areaId: stepId,
    text,
    anonymous: true,
    secret,
  });
  if (!ack.ok || !ack.data) throw new Error(`post refused: ${JSON.stringify(ack)}`);
  const { noteId } = ack.data as { noteId: string };
  return {
    posterId: poster.member.id,
    commandId,
    noteId,
    text,
    secret,
    sentAt,
    ackedAt: performance.now(),
  };
}

/**
 * Waits until the watcher's replica holds every posted note, and returns the frames (from
 * `firstFrame` on) that carried them.
 */
export async function awaitRelease(
  watcher: RawDocSocket,
  posted: readonly Posted[],
  firstFrame: number,
): Promise<Received[]> {
  const notes = watcher.replica.getMap('notes');
  await waitUntil(() => posted.every((post) => notes.has(post.noteId)), 15_000, 'release');
  const ids = new Set(posted.map((post) => post.noteId));
  return watcher.received
    .slice(firstFrame)
    .filter(
      (frame) =>
        frame.message.kind === 'update' &&
        structFacts(frame.message.update).some(
          (fact) => fact.parent === 'notes' && ids.has(fact.parentSub ?? ''),
        ),
    );
}

/**
 * Each poster, in the given order and `gapMs` apart, posts one anonymous note; then waits until
 * the watcher's replica holds all of them. The note texts say nothing about their authors.
 * `whileHeld` runs after the last post, before the release.
 */
export async function postAnonymousRound(
  posters: readonly Poster[],
  options: {
    stepId: string;
    tag: string;
    gapMs: number;
    watcher: RawDocSocket;
    whileHeld?: (round: Omit<Round, 'frames'>) => Promise<void>;
  },
): Promise<Round> {
  const firstFrame = options.watcher.received.length;
  const posted: Posted[] = [];
  const startedAt = performance.now();
  const startedWall = Date.now();
  for (const [index, poster] of posters.entries()) {
    if (index > 0) await pause(options.gapMs);
    const text = `${options.tag}-${index}-${randomBytes(4).toString('hex')}`;
    posted.push(await postAnonymous(poster, options.stepId, text));
  }
  await options.whileHeld?.({ posted, startedAt, startedWall });
  const frames = await awaitRelease(options.watcher, posted, firstFrame);
  return { posted, startedAt, startedWall, frames };
}

/** How many of `orders` equal the order the notes were posted in. */
export function countPostingOrder(rounds: readonly Round[], orderOf: (round: Round) => string[]) {
  return rounds.filter((round) => {
    const observed = orderOf(round);
    return observed.join() === round.posted.map((post) => post.noteId).join();
  }).length;
}
