import { randomBytes, randomInt } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { readBoard } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import type { LiveConnection } from '../support/live-client.ts';
import { postAnonymous, type Poster, type Posted } from './support/anonymous-rounds.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok } from './support/board-setup.ts';
import { Closer, boardAs, castSession, spyAs, type Cast } from './support/cast.ts';
import { query } from './support/db-forensics.ts';
import { pause, waitUntil, type RawDocSocket } from './support/raw-doc-socket.ts';
import type { SpySocket } from './support/spy-socket.ts';
import { structFacts } from './support/yjs-forensics.ts';

const people = ['Ann Ashby', 'Ben Brook', 'Cora Crane', 'Dee Dale', 'Eli Ember'];
/** The default rule (AR1): a batch leaves with at least three people's notes. */
const minBatch = 3;

interface Batch {
  /** When the watcher received the frame that showed it. */
  at: number;
  /** Note ids in the order the update holds them. */
  noteIds: string[];
}

/** The released batches a watcher saw, from the frames that created notes. */
function batchesSeen(watcher: RawDocSocket, from: number): Batch[] {
  const batches: Batch[] = [];
  for (const frame of watcher.received.slice(from)) {
    if (frame.message.kind !== 'update') continue;
    const created = structFacts(frame.message.update)
      .filter((fact) => fact.parent === 'notes' && fact.parentSub !== undefined)
      .map((fact) => fact.parentSub as string);
    if (created.length > 0) batches.push({ at: frame.at, noteIds: [...new Set(created)] });
  }
  return batches;
}

interface Matching {
  notes: number;
  /** Best attacker that knows who posted in each batch's window: the most frequent poster. */
  majority: number;
  /** An attacker that maps the batch's order onto the posting order. */
  byOrder: number;
  /** Fewest different authors in any batch. */
  fewestAuthors: number;
}

/**
 * How well an observer who saw who pressed Post, and when, matches shown notes to authors. Within
 * a batch nothing distinguishes the notes but their order, which the server shuffles; so the best
 * is to guess the batch's most frequent poster for each, and the posting order tells nothing more.
 */
function matching(batches: readonly Batch[], posted: readonly Posted[]): Matching {
  const byId = new Map(posted.map((post) => [post.noteId, post]));
  const result: Matching = { notes: 0, majority: 0, byOrder: 0, fewestAuthors: Infinity };
  for (const batch of batches) {
    const posts = batch.noteIds.flatMap((id) => byId.get(id) ?? []);
    if (posts.length === 0) continue;
    const counts = new Map<string, number>();
    for (const post of posts) counts.set(post.posterId, (counts.get(post.posterId) ?? 0) + 1);
    result.notes += posts.length;
    result.majority += Math.max(...counts.values());
    result.fewestAuthors = Math.min(result.fewestAuthors, counts.size);
    const postingOrder = [...posts].sort((a, b) => a.sentAt - b.sentAt);
    posts.forEach((post, index) => {
      if (postingOrder[index]?.posterId === post.posterId) result.byOrder += 1;
    });
  }
  return result;
}

interface Scene {
  cast: Cast;
  fay: LiveConnection;
  fayDoc: RawDocSocket;
  posters: Poster[];
  bystander: SpySocket;
}

/** Fay's session with five posters and a bystander who all accepted, on step `what`. */
async function anonymousScene(
  server: RunningApp,
  closer: Closer,
  visibility: 'anonymous' | 'hidden' = 'anonymous',
): Promise<Scene> {
  const cast = await castSession(server.baseUrl, 'Fay', [...people, 'Gus Green']);
  const fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
  await fay.waitUntilSynced();
  const fayDoc = closer.add(await boardAs(server.baseUrl, cast.sessionId, cast.facilitator));
  const posters: Poster[] = [];
  for (const name of people) {
    const member = cast.get(name);
    posters.push({
      member,
      socket: closer.add(await spyAs(server.baseUrl, cast.sessionId, member)),
    });
  }
  const bystander = closer.add(await spyAs(server.baseUrl, cast.sessionId, cast.get('Gus Green')));
  await fay.goTo('agreement');
  for (const poster of posters)
    expect((await poster.socket.send('agreement:accept')).ok).toBe(true);
  expect((await bystander.send('agreement:accept')).ok).toBe(true);
  await fay.goTo('what');
  ok(await fay.command('step:visibility', { stepId: 'what', visibility }));
  return { cast, fay, fayDoc, posters, bystander };
}

/** Each poster posts `perPoster` anonymous notes at random moments within `spreadMs`. */
async function postAtRandom(
  posters: readonly Poster[],
  tag: string,
  perPoster: number,
  spreadMs: number,
): Promise<Posted[]> {
  const plan = posters
    .flatMap((poster) => Array.from({ length: perPoster }, () => poster))
    .map((poster) => ({ poster, delay: randomInt(spreadMs) }))
    .sort((a, b) => a.delay - b.delay);
  const started = performance.now();
  return Promise.all(
    plan.map(async ({ poster, delay }, index) => {
      await pause(Math.max(0, started + delay - performance.now()));
      return postAnonymous(poster, 'what', `${tag}-${index}-${randomBytes(4).toString('hex')}`);
    }),
  );
}

/** Ends the step (AR3) and waits until every posted note is shown or given back. */
async function settleByMovingOn(scene: Pick<Scene, 'fay' | 'fayDoc'>, posted: readonly Posted[]) {
  await scene.fay.goTo('so-what');
  await waitUntil(
    () => {
      const board = readBoard(scene.fayDoc.replica);
      return posted.every(
        (post) =>
          board.notes.some((note) => note.id === post.noteId) ||
          Object.hasOwn(board.returned, post.noteId),
      );
    },
    15_000,
    'every note shown or returned',
  );
  await scene.fay.goTo('what');
}

/**
 * [AR1–AR6] The attacks of issue #11 on anonymous timing, against the default rules: a facilitator
 * who reveals every 60 ms to flush each note as it is posted, and an observer who knows when each
 * person pressed Post and watches when notes appear. Neither may see a batch of fewer than three
 * people's notes, and nothing but the batch composition: the order inside a batch is shuffled.
 */
describe('adversarial: timing does not tie an anonymous note to its author', () => {
  let database: Database;
  let server: RunningApp;
  const report = new AttackReport('anonymous timing');
  const closer = new Closer();
  let cast: Cast;
  let fay: LiveConnection;
  let fayDoc: RawDocSocket;
  let gusSocket: SpySocket;
  let posters: Poster[];

  const eventRows = async () =>
    Number(
      (
        await query(
          database,
          sql`select count(*)::int as n from session_events where session_id = ${cast.sessionId}`,
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      rooms: { releaseMinMs: 150, releaseJitterMs: 250, sweepMs: 60_000 },
    });
    ({ cast, fay, fayDoc, posters, bystander: gusSocket } = await anonymousScene(server, closer));
  });

  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
  });

  it('[AR2] a facilitator revealing every 60 ms releases nothing, writes nothing and tells nobody anything', async () => {
    const firstFrame = fayDoc.received.length;
    const rowsBefore = await eventRows();
    const gusViewsBefore = gusSocket.eventsNamed('view:private').length;
    const acks: unknown[] = [];
    let spamming = true;
    const spam = (async () => {
      while (spamming) {
        acks.push(await fay.command('step:reveal', { stepId: 'what' }));
        await pause(60);
      }
    })();
    const posted = await postAtRandom(posters, 'reveal-spam', 2, 3000);
    await pause(800);
    spamming = false;
    await spam;
    const gusViews = gusSocket.eventsNamed('view:private').length - gusViewsBefore;
    const batchesDuringSpam = batchesSeen(fayDoc, firstFrame);
    const rowsDuringSpam = (await eventRows()) - rowsBefore;
    await settleByMovingOn({ fay, fayDoc }, posted);
    const seen = matching(batchesSeen(fayDoc, firstFrame), posted);

    const nonEmpty = acks.filter(
      (ack) => JSON.stringify(ack) !== JSON.stringify({ ok: true, data: { revealed: 0 } }),
    );
    report.record(
      'facilitator',
      `${acks.length} reveals of an anonymous step while 10 notes were posted`,
      nonEmpty.length === 0 ? 'every ack: revealed 0' : `LEAK: ${JSON.stringify(nonEmpty[0])}`,
      nonEmpty.length === 0,
    );
    report.record(
      'facilitator',
      'event log rows written during the spam',
      `${rowsDuringSpam} (one per released batch: ${batchesDuringSpam.length})`,
      rowsDuringSpam === batchesDuringSpam.length,
    );
    // Each release pushes everyone's view at one moment; the reveals themselves push nothing.
    report.record(
      'facilitator',
      'view:private pushed to a bystander by the reveals',
      `${gusViews - batchesDuringSpam.length}`,
      gusViews === batchesDuringSpam.length,
    );
    report.record(
      'facilitator',
      'fewest authors in a released batch',
      `${seen.fewestAuthors} (batches: ${batchesSeen(fayDoc, firstFrame).length})`,
      seen.fewestAuthors >= minBatch,
    );
    expect(acks.length).toBeGreaterThan(20);
    expect(nonEmpty).toEqual([]);
    expect(rowsDuringSpam).toBe(batchesDuringSpam.length);
    expect(gusViews).toBe(batchesDuringSpam.length);
    if (seen.notes > 0) expect(seen.fewestAuthors).toBeGreaterThanOrEqual(minBatch);
  });

  it('[AR1] notes posted at random moments leave in batches of at least three people, in an order that tells nothing', async () => {
    const firstFrame = fayDoc.received.length;
    const posted: Posted[] = [];
    const rounds = 3;
    for (let round = 0; round < rounds; round += 1) {
      const batch = await postAtRandom(posters, `random-${round}`, 4, 4000);
      posted.push(...batch);
      await settleByMovingOn({ fay, fayDoc }, batch);
    }
    const batches = batchesSeen(fayDoc, firstFrame);
    const seen = matching(batches, posted);
    const board = readBoard(fayDoc.replica);
    const returned = posted.filter((post) => Object.hasOwn(board.returned, post.noteId));
    const chance = 1 / people.length;
    // Within batches the order is a uniform shuffle: matching it to the posting order succeeds
    // for each note with probability 1/k in a batch of k ≥ 3 (at most 1/3). Over 60 notes the
    // rate exceeds 0.55 with probability far below 0.1 %, while a leaked posting order scores 1.
    const byOrderRate = seen.byOrder / Math.max(1, seen.notes);
    report.record(
      'observer who saw who pressed Post',
      `${posted.length} notes, ${batches.length} batches, ${returned.length} given back`,
      `fewest authors in a batch: ${seen.fewestAuthors}; best guess ${(100 * (seen.majority / Math.max(1, seen.notes))).toFixed(0)} % (chance over the step ${(100 * chance).toFixed(0)} %, at most 1/3 per note of a batch of 3 different people); by order ${(100 * byOrderRate).toFixed(0)} %`,
      seen.fewestAuthors >= minBatch && byOrderRate <= 0.55,
    );
    expect(seen.notes + returned.length).toBe(posted.length);
    expect(seen.fewestAuthors).toBeGreaterThanOrEqual(minBatch);
    expect(byOrderRate).toBeLessThanOrEqual(0.55);
    // A returned note never reached anyone: its text is nowhere on the board.
    const boardText = JSON.stringify(board.notes);
    for (const post of returned) expect(boardText).not.toContain(post.text);
  });

  it('[AR4] in a hidden step, anonymous notes leave once, at the reveal, and matching is at chance', async () => {
    const local = new Closer();
    try {
      const scene = await anonymousScene(server, local, 'hidden');
      const firstFrame = scene.fayDoc.received.length;
      const posted = await postAtRandom(scene.posters, 'silent', 4, 3000);
      await pause(600);
      const early = batchesSeen(scene.fayDoc, firstFrame).length;
      expect(ok(await scene.fay.command('step:reveal', { stepId: 'what' }))).toEqual({
        revealed: posted.length,
      });
      await waitUntil(
        () => batchesSeen(scene.fayDoc, firstFrame).length > 0,
        5000,
        'the reveal reached the facilitator',
      );
      const batches = batchesSeen(scene.fayDoc, firstFrame);
      const seen = matching(batches, posted);
      const chance = 1 / people.length;
      // One batch of 20 (four notes each): the best composition guess is exactly chance; the
      // posting order matches a uniform shuffle's with p = 1/5 per note, over 0.5 with p < 0.3 %.
      const byOrderRate = seen.byOrder / Math.max(1, seen.notes);
      report.record(
        'observer (silent writing, anonymous notes)',
        `${posted.length} notes posted over 3 s, then the reveal`,
        `${early} batches before the reveal, ${batches.length} at it; best guess ${(100 * (seen.majority / seen.notes)).toFixed(0)} % (chance ${(100 * chance).toFixed(0)} %); by order ${(100 * byOrderRate).toFixed(0)} %`,
        early === 0 && batches.length === 1 && seen.majority / seen.notes === chance,
      );
      expect(early).toBe(0);
      expect(batches).toHaveLength(1);
      expect(seen.notes).toBe(posted.length);
      expect(seen.majority / seen.notes).toBe(chance);
      expect(byOrderRate).toBeLessThanOrEqual(0.5);
    } finally {
      local.closeAll();
    }
  });

  it('[AR1] after a restart, a note held from before counts for no one: two people cannot make a batch of three', async () => {
    const rooms = { releaseMinMs: 150, releaseJitterMs: 250, sweepMs: 60_000 };
    const first = await startApp({ database, rooms });
    const before = new Closer();
    const after = new Closer();
    let second: RunningApp | undefined;
    try {
      const scene = await anonymousScene(first, before);
      const [ann, ben, cora] = scene.posters as [Poster, Poster, Poster];
      const early = await postAnonymous(ann, 'what', 'held-across-restart');
      before.closeAll();
      await first.close();
      second = await startApp({ database, rooms }, { port: first.port });
      const url = second.baseUrl;
      const again = (poster: Poster) =>
        spyAs(url, scene.cast.sessionId, poster.member).then((socket) => ({
          member: poster.member,
          socket: after.add(socket),
        }));
      const watcher = after.add(await boardAs(url, scene.cast.sessionId, scene.cast.facilitator));
      const posted = [
        early,
        await postAnonymous(await again(ann), 'what', 'ann-after-restart'),
        await postAnonymous(await again(ben), 'what', 'ben-after-restart'),
      ];
      await pause(900);
      const shownEarly = readBoard(watcher.replica).notes.filter((note) =>
        posted.some((post) => post.noteId === note.id),
      ).length;
      report.record(
        'participant who knows the room restarted',
        'a note held from before, then one more of Ann’s and one of Ben’s',
        shownEarly === 0 ? 'nothing shown: two known authors' : `LEAK: ${shownEarly} shown`,
        shownEarly === 0,
      );
      expect(shownEarly).toBe(0);
      posted.push(await postAnonymous(await again(cora), 'what', 'cora-after-restart'));
      await waitUntil(
        () =>
          posted.every((post) =>
            readBoard(watcher.replica).notes.some((note) => note.id === post.noteId),
          ),
        10_000,
        'the batch of three known authors, with the note from before',
      );
    } finally {
      before.closeAll();
      after.closeAll();
      await second?.close();
    }
  });

  it('[AR5] closing the session settles what is held: too few authors go back, nothing stays held', async () => {
    const [ann, ben] = posters as [Poster, Poster];
    const held = [
      await postAnonymous(ann, 'what', 'closing-held-1'),
      await postAnonymous(ben, 'what', 'closing-held-2'),
    ];
    // Two authors: not enough to leave (AR1); the authors were told ok.
    await pause(700);
    const before = readBoard(fayDoc.replica);
    expect(held.some((post) => before.notes.some((note) => note.id === post.noteId))).toBe(false);
    ok(await fay.command('session:close', {}));
    await waitUntil(() => readBoard(fayDoc.replica).status === 'closed', 5000, 'closed');
    const board = readBoard(fayDoc.replica);
    const rows = await query(
      database,
      sql`select count(*)::int as n from held_notes where session_id = ${cast.sessionId}`,
    );
    const returned = held.every((post) => Object.hasOwn(board.returned, post.noteId));
    report.record(
      'author',
      'two anonymous notes of two people held when the session closed',
      `${returned ? 'given back to their authors' : 'NOT given back'}; ${String(rows[0]?.n)} rows left held`,
      returned && rows[0]?.n === 0,
    );
    expect(returned).toBe(true);
    expect(rows[0]?.n).toBe(0);
    expect(JSON.stringify(board.notes)).not.toContain('closing-held');
  });
});
