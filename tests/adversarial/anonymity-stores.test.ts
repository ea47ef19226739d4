import { randomUUID } from 'node:crypto';
import { receiptKey, type Database } from '@reflectory/server';
import type { SessionEvent } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import {
  createScratchPostgres,
  openMigratedPglite,
  openMigratedPostgres,
  type ScratchPostgres,
} from '../support/databases.ts';
import type { LiveConnection } from '../support/live-client.ts';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';
import {
  awaitRelease,
  countPostingOrder,
  postAnonymous,
  postAnonymousRound,
  randomOrder,
  type Poster,
  type Posted,
  type Round,
} from './support/anonymous-rounds.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok } from './support/board-setup.ts';
import { Closer, boardAs, castSession, spyAs, type Cast } from './support/cast.ts';
import {
  bytesOf,
  dumpEveryTable,
  query,
  rowText,
  type Row,
  type TableDump,
} from './support/db-forensics.ts';
import { pause, waitUntil, type RawDocSocket } from './support/raw-doc-socket.ts';
import { updateText } from './support/yjs-forensics.ts';

const step = 'what';
/** Fewer than the facilitator's ten: each batch alone is a 1-in-120 chance of matching. */
const rounds = 6;
const people = ['Ann Ashby', 'Ben Brook', 'Cora Crane', 'Dee Dale', 'Eli Ember'];
/** Shorter than the real 2000 + up to 3000 ms, for speed; see anonymity-facilitator.test.ts. */
const release = { releaseMinMs: 400, releaseJitterMs: 100 };
const minute = 60_000;

/** An event's time, if it has one. */
const atOf = (event: SessionEvent): number | undefined => ('at' in event ? event.at : undefined);
const time = (value: unknown): number =>
  value === null ? NaN : new Date(value as string).getTime();

/**
 * [Invariant 1] A database reader (an admin, a backup) and a log reader try to link anonymous
 * notes to their authors, after a session in which five people posted anonymously over ten
 * batches, one edited their note, and each posted a named note right before an anonymous one.
 */
function storesSuite(label: string, open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  const report = new AttackReport(`anonymity against the database and logs (${label})`);
  const closer = new Closer();
  let cast: Cast;
  let fay: LiveConnection;
  let watcher: RawDocSocket;
  let posters: Poster[];
  const played: Round[] = [];
  /** Person after person: a named note then an anonymous one; later a named note then an edit of it. */
  const pairs: Array<{
    posterId: string;
    anonymous: Posted;
    change: { commandId: string; text: string };
  }> = [];
  let heldMidBatch: { rows: Row[]; posted: Posted[] } | undefined;
  let dumps: TableDump[];
  let edited = '';

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      logLevel: 'debug',
      logStream: logs,
      rooms: { ...release, sweepMs: 60_000 },
    });
    cast = await castSession(server.baseUrl, 'Fay', people);
    watcher = closer.add(await boardAs(server.baseUrl, cast.sessionId, cast.facilitator));
    fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    await fay.waitUntilSynced();
    posters = [];
    for (const member of cast.members) {
      posters.push({
        member,
        socket: closer.add(await spyAs(server.baseUrl, cast.sessionId, member)),
      });
    }
    await fay.goTo('agreement');
    for (const poster of posters) {
      expect((await poster.socket.send('agreement:accept')).ok).toBe(true);
    }
    await fay.goTo(step);
    ok(await fay.command('step:visibility', { stepId: step, visibility: 'anonymous' }));

    for (let index = 0; index < rounds; index += 1) {
      played.push(
        await postAnonymousRound(randomOrder(posters), {
          stepId: step,
          tag: `R${index}`,
          gapMs: 20,
          watcher,
          // A backup taken while the first batch is held.
          whileHeld: async (round) => {
            if (index > 0) return;
            const rows = await query(
              database,
              sql`select id, xmin::text::bigint as "__xmin" from held_notes
                  where session_id = ${cast.sessionId}`,
            );
            heldMidBatch = { rows, posted: round.posted };
          },
        }),
      );
      await pause(50);
    }

    // Three authors edit their anonymous notes with their secrets: held changes leave as a batch
    // of at least three people's (AR1).
    const first = played[0]?.posted[0] as Posted;
    edited = `${first.text} (edited)`;
    for (const post of played[0]?.posted.slice(0, 3) ?? []) {
      const author = posters.find((poster) => poster.member.id === post.posterId) as Poster;
      const edit = await author.socket.send('note:edit', {
        noteId: post.noteId,
        text: `${post.text} (edited)`,
        secret: post.secret,
      });
      expect(edit.ok).toBe(true);
    }
    const notes = watcher.replica.getMap<Y.Map<unknown>>('notes');
    await waitUntil(() => notes.get(first.noteId)?.get('text') === edited, 10_000, 'the edit');

    // Person after person: a named note, then an anonymous one.
    ok(await fay.command('step:visibility', { stepId: step, visibility: 'named' }));
    const firstFrame = watcher.received.length;
    for (const [index, poster] of posters.entries()) {
      expect(
        (await poster.socket.send('note:add', { areaId: step, text: `Named ${index}` })).ok,
      ).toBe(true);
      const anonymous = await postAnonymous(poster, step, `PAIR-${index}-${Date.now() % 9973}`);
      pairs.push({ posterId: poster.member.id, anonymous, change: { commandId: '', text: '' } });
      await pause(30);
    }
    await awaitRelease(
      watcher,
      pairs.map((pair) => pair.anonymous),
      firstFrame,
    );
    for (const [index, poster] of posters.entries()) {
      const pair = pairs[index] as (typeof pairs)[number];
      expect(
        (await poster.socket.send('note:add', { areaId: step, text: `Named again ${index}` })).ok,
      ).toBe(true);
      pair.change = { commandId: randomUUID(), text: `${pair.anonymous.text} (changed)` };
      const change = await poster.socket.send('note:edit', {
        commandId: pair.change.commandId,
        noteId: pair.anonymous.noteId,
        text: pair.change.text,
        secret: pair.anonymous.secret,
      });
      expect(change.ok).toBe(true);
      await pause(30);
    }
    await waitUntil(
      () =>
        pairs.every((pair) => notes.get(pair.anonymous.noteId)?.get('text') === pair.change.text),
      10_000,
      'the changes shown',
    );
    await pause(100);
    dumps = await dumpEveryTable(database);
  });
  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
    await dispose();
  });

  const table = (name: string): TableDump => {
    const found = dumps.find((dump) => dump.name === name);
    if (!found) throw new Error(`no table ${name}`);
    return found;
  };
  const anonymousPosts = (): Posted[] => [
    ...played.flatMap((round) => round.posted),
    ...pairs.map((pair) => pair.anonymous),
  ];
  /** What identifies a person: participant ids, device hashes and names. */
  const identities = (): string[] =>
    table('participants')
      .rows.filter((row) => row.session_id === cast.sessionId)
      .flatMap((row) => [row.id, row.device_hash, row.display_name])
      .filter((value): value is string => typeof value === 'string' && value.length > 0);
  const anonymousMarks = (): string[] => [
    ...anonymousPosts().flatMap((post) => [post.noteId, post.text]),
    ...pairs.map((pair) => pair.change.text),
    edited,
  ];
  const events = (): Array<{ xmin: number; heap: number; event: SessionEvent }> =>
    table('session_events')
      .rows.map((row, heap) => ({
        xmin: Number(row.__xmin),
        heap,
        event: (typeof row.event === 'string' ? JSON.parse(row.event) : row.event) as SessionEvent,
        session: row.session_id,
      }))
      .filter((entry) => entry.session === cast.sessionId);

  it('no row, and no stored Yjs update, puts an anonymous note next to a participant id, device hash or name', () => {
    const marks = anonymousMarks();
    const people = identities();
    const failures: string[] = [];
    for (const dump of dumps) {
      const binary = dump.columns.filter((column) => column.type === 'bytea').map((c) => c.name);
      let carrying = 0;
      for (const row of dump.rows) {
        const texts =
          binary.length > 0
            ? binary.map((column) => updateText(bytesOf(row[column]))).concat(rowText(row))
            : [rowText(row)];
        for (const text of texts) {
          if (!marks.some((mark) => text.includes(mark))) continue;
          carrying += 1;
          const named = people.filter((person) => text.includes(person));
          if (named.length > 0) failures.push(`${dump.name}: ${named.join(', ')}`);
        }
      }
      report.record(
        'database reader',
        `${dump.name}: ${dump.rows.length} rows${binary.length ? ' (Yjs decoded)' : ''}`,
        `${carrying} carry anonymous content; ${failures.some((failure) => failure.startsWith(`${dump.name}:`)) ? 'SOME NAME SOMEONE' : 'none names anyone'}`,
        !failures.some((failure) => failure.startsWith(`${dump.name}:`)),
      );
    }
    const anonymousRows = table('notes').rows.filter((row) =>
      anonymousPosts().some((post) => post.noteId === row.id),
    );
    expect(anonymousRows).toHaveLength(anonymousPosts().length);
    expect(anonymousRows.every((row) => row.author_id === null)).toBe(true);
    expect(failures).toEqual([]);
  });

  it('held notes and command receipts keep no time, and nothing stays held after the release', () => {
    const keeping = dumps.filter(
      (dump) => dump.name.startsWith('held_') || dump.name === 'command_receipts',
    );
    const failures: string[] = [];
    for (const dump of keeping) {
      const timed = dump.columns.filter((column) => /time|date/.test(column.type));
      const held = report.record(
        'database reader',
        `${dump.name}: columns`,
        `${dump.columns.map((column) => column.name).join(', ')}${timed.length ? ` (TIMED: ${timed.map((c) => c.name).join(', ')})` : ''}`,
        timed.length === 0,
      );
      if (!held) failures.push(dump.name);
    }
    const left = table('held_notes').rows.length;
    report.record('database reader', 'held_notes after the release', `${left} rows`, left === 0);
    expect(keeping.length).toBeGreaterThanOrEqual(2);
    expect(failures).toEqual([]);
    expect(left).toBe(0);
  });

  it('the event log holds anonymous notes only inside NotesRevealed, and their times are batch instants or coarse', () => {
    const log = events();
    const instants = new Set(
      log.filter(({ event }) => event.type === 'NotesRevealed').map(({ event }) => atOf(event)),
    );
    const ids = anonymousPosts().map((post) => post.noteId);
    const mentions = log.filter(({ event }) =>
      ids.some((id) => JSON.stringify(event).includes(id)),
    );
    const types = [...new Set(mentions.map(({ event }) => event.type))];
    const added = mentions.filter(({ event }) => event.type === 'NoteAdded');
    const fine = (at: number | undefined) =>
      at === undefined || instants.has(at) || at % minute === 0;
    const precise = mentions.filter(({ event }) => !fine(atOf(event)));
    report.record(
      'database reader',
      'session_events mentioning anonymous notes',
      `${mentions.length} events of types ${types.join(', ')}; ${added.length} NoteAdded; ${precise.length} with a precise time`,
      added.length === 0 && precise.length === 0,
    );

    // Each anonymous note's row is created at the instant of the batch that released it.
    const releasedAt = new Map<string, number | undefined>();
    for (const { event } of log) {
      if (event.type !== 'NotesRevealed') continue;
      for (const noteId of event.noteIds) releasedAt.set(noteId, atOf(event));
    }
    const rows = table('notes').rows.filter((row) => ids.includes(String(row.id)));
    const offBatch = rows.filter((row) => time(row.created_at) !== releasedAt.get(String(row.id)));
    const badEdited = rows.filter((row) => row.edited_at !== null && !fine(time(row.edited_at)));
    report.record(
      'database reader',
      'notes.created_at / edited_at of anonymous notes',
      `${rows.length} rows; ${offBatch.length} created at another time than their batch; ${badEdited.length} precise edit times`,
      offBatch.length === 0 && badEdited.length === 0,
    );
    expect(added).toEqual([]);
    expect(precise).toEqual([]);
    expect(rows).toHaveLength(ids.length);
    expect(offBatch).toEqual([]);
    expect(badEdited).toEqual([]);
  });

  it('a database reader cannot recover the posting order, or the person acting just before a post or an edit, from the order rows were written in', () => {
    // Where each command's receipt was written: its transaction id, then its place in the heap.
    // The reader is given what no store keeps (who sent which command id) to find the receipts.
    const stored = new Map(
      table('command_receipts')
        .rows.filter((row) => row.session_id === cast.sessionId)
        .map((row, heap) => [String(row.command_key), { xmin: Number(row.__xmin), heap }]),
    );
    const receiptOf = (senderId: string, commandId: string) =>
      stored.get(receiptKey({ kind: 'person', participantId: senderId }, commandId));
    const byWriteOrder = (round: Round) =>
      round.posted
        .filter((post) => receiptOf(post.posterId, post.commandId) !== undefined)
        .sort((a, b) => {
          const x = receiptOf(a.posterId, a.commandId);
          const y = receiptOf(b.posterId, b.commandId);
          return (x?.xmin ?? 0) - (y?.xmin ?? 0) || (x?.heap ?? 0) - (y?.heap ?? 0);
        })
        .map((post) => post.noteId);
    const same = countPostingOrder(played, byWriteOrder);
    const orderHeld = report.record(
      'database reader',
      'order anonymous posts’ receipts by transaction id (xmin) and heap position',
      `equals the posting order in ${same} of ${played.length} batches (chance: 1 in 120 each)`,
      same <= 1,
    );

    // The named note written just before a receipt points at whoever sent that command.
    const named = events()
      .filter(({ event }) => event.type === 'NoteAdded' && event.authorId !== null)
      .map(({ xmin, event }) => ({ xmin, authorId: (event as { authorId: string }).authorId }))
      .sort((a, b) => a.xmin - b.xmin);
    const guessedRight = (commandId: string, truth: string) => {
      const receipt = receiptOf(truth, commandId);
      if (!receipt) return false;
      return named.filter((entry) => entry.xmin < receipt.xmin).at(-1)?.authorId === truth;
    };
    const posts = pairs.filter((pair) => guessedRight(pair.anonymous.commandId, pair.posterId));
    const changes = pairs.filter((pair) => guessedRight(pair.change.commandId, pair.posterId));
    const postsHeld = report.record(
      'database reader',
      'name each anonymous poster as the named author just before the post’s receipt',
      `right for ${posts.length} of ${pairs.length} (chance: about 1)`,
      posts.length <= 2,
    );
    const changesHeld = report.record(
      'database reader',
      'name each anonymous editor as the named author just before the edit’s receipt',
      `right for ${changes.length} of ${pairs.length} (chance: about 1)`,
      changes.length <= 2,
    );

    // Every hold rewrites the session's held rows together, shuffled: one xmin for all of them.
    const xmins = new Set(heldMidBatch?.rows.map((row) => Number(row.__xmin)));
    const midBatchHeld = report.record(
      'database reader (mid-batch backup)',
      'order held_notes rows by xmin while the batch is held',
      `${heldMidBatch?.rows.length ?? 0} rows held, ${xmins.size} distinct xmin(s)`,
      xmins.size <= 1,
    );
    expect(midBatchHeld).toBe(true);
    expect(orderHeld).toBe(true);
    expect(postsHeld).toBe(true);
    expect(changesHeld).toBe(true);
  });

  it('debug logs hold no note text and no participant near an anonymous note, during posting or after', () => {
    const lines = logs.lines;
    const texts = [
      ...anonymousPosts().map((post) => post.text),
      edited,
      ...pairs.flatMap((pair, index) => [
        pair.change.text,
        `Named ${index}`,
        `Named again ${index}`,
      ]),
    ];
    const leakedText = texts.filter((text) => logs.text().includes(text));
    const people = identities();
    const ids = anonymousPosts().map((post) => post.noteId);
    const near: string[] = [];
    lines.forEach((line, index) => {
      if (!ids.some((id) => line.includes(id))) return;
      const around = lines.slice(Math.max(0, index - 5), index + 6).join('\n');
      near.push(...people.filter((person) => around.includes(person)));
    });
    const windows = played.map((round) => [
      round.startedWall,
      round.startedWall + release.releaseMinMs - 50,
    ]);
    const during = logs.entries().filter((entry) => {
      const at = Number(entry.time);
      return windows.some(([from, until]) => at >= (from ?? 0) && at < (until ?? 0));
    });
    const naming = during.filter((entry) =>
      people.some((person) => JSON.stringify(entry).includes(person)),
    );
    report.record(
      'log reader (debug level)',
      `${lines.length} lines: note text`,
      leakedText.length === 0 ? 'none' : `LEAK: ${leakedText.length} texts`,
      leakedText.length === 0,
    );
    report.record(
      'log reader (debug level)',
      'participants within 5 lines of an anonymous note id',
      near.length === 0 ? 'none' : `LEAK: ${near.join(', ')}`,
      near.length === 0,
    );
    report.record(
      'log reader (debug level)',
      'lines logged while people posted anonymously',
      `${during.length} lines, ${naming.length} naming someone`,
      naming.length === 0,
    );
    expect(leakedText).toEqual([]);
    expect(near).toEqual([]);
    expect(naming).toEqual([]);
  });
}

describe('adversarial: anonymity against the database and logs, on PGlite', () => {
  storesSuite('PGlite', openMigratedPglite, async () => {});
});

describeWith(
  'adversarial: anonymity against the database and logs, on PostgreSQL',
  realPostgres,
  () => {
    let scratch: ScratchPostgres;
    storesSuite(
      'PostgreSQL',
      async () => {
        scratch = await createScratchPostgres(testDatabaseUrl ?? '');
        return openMigratedPostgres(scratch.url);
      },
      () => scratch.drop(),
    );
  },
);
