import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationsFolder, type Database } from '@reflectory/server';
import {
  defaultModelId,
  evolve,
  findModel,
  initialState,
  type SessionEvent,
  type SessionState,
} from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../support/each-database.ts';

type Rows = Array<Record<string, unknown>>;

async function query(database: Database, statement: ReturnType<typeof sql>): Promise<Rows> {
  const result = (await database.db.execute(statement)) as unknown as Rows | { rows: Rows };
  return Array.isArray(result) ? result : result.rows;
}

const step = 'so-what';
const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()] as const;
const [n1, n2, n3, n4, n5, m1] = [
  randomUUID(),
  randomUUID(),
  randomUUID(),
  randomUUID(),
  randomUUID(),
  randomUUID(),
] as const;
let clock = 1_790_000_000_000;
const at = () => (clock += 1000);
const opened = (round: number): SessionEvent => ({
  type: 'VotingOpened',
  stepId: step,
  round,
  budget: 3,
  maxPerNote: 2,
  at: at(),
});
const cast = (participantId: string, noteId: string): SessionEvent => ({
  type: 'VoteCast',
  stepId: step,
  participantId,
  noteId,
  at: at(),
});
const retracted = (participantId: string, noteId: string): SessionEvent => ({
  type: 'VoteRetracted',
  stepId: step,
  participantId,
  noteId,
  at: at(),
});

/** A log as earlier versions wrote it: every vote logged with its voter. */
const openSessionLog: SessionEvent[] = [
  // Closed by the facilitator: its tallies are in its VotingClosed already.
  opened(1),
  cast(a, n1),
  cast(b, n1),
  cast(a, n2),
  retracted(a, n2),
  { type: 'VotingClosed', stepId: step, tallies: { [n1]: 2 }, at: at() },
  // Closed by running the stage again: its tallies were counted from the logged votes.
  opened(1),
  cast(a, n2),
  cast(b, n3),
  { type: 'StepRerun', stepId: step, round: 2, at: at() },
  // Still open.
  opened(2),
  cast(a, n4),
  cast(a, n4),
  cast(b, n4),
  retracted(b, n4),
  cast(b, n5),
];
/** Voting left open when the session ended. */
const closedSessionLog: SessionEvent[] = [
  opened(1),
  cast(c, m1),
  { type: 'SessionClosed', at: at() },
];

function fold(events: readonly SessionEvent[]): SessionState {
  const model = findModel(defaultModelId);
  if (!model) throw new Error('no default model');
  return events.reduce(evolve, initialState({ title: 'Legacy', model }));
}

/**
 * [Secret ballots] The migration that introduced ballots rewrites logs written before it: no vote
 * event stays, closed voting keeps the tallies it showed, open voting keeps everyone's votes.
 */
describeOnEachDatabase('migrating logged votes to secret ballots', (open, dispose) => {
  let database: Database;
  const sessions = { open: randomUUID(), closed: randomUUID() };

  beforeAll(async () => {
    database = await open();
    for (const [id, log] of [
      [sessions.open, openSessionLog],
      [sessions.closed, closedSessionLog],
    ] as const) {
      await database.db.execute(
        sql`insert into sessions (id, title, join_code, model, agreement_text)
            values (${id}, 'Legacy', ${id.slice(0, 6)}, '{}', 'Agreed')`,
      );
      for (const event of log) {
        await database.db.execute(
          sql`insert into session_events (session_id, event) values (${id}, ${JSON.stringify(event)}::jsonb)`,
        );
      }
    }
    // The migration's statements after the table's creation, in one transaction as the migrator
    // runs them.
    const statements = (await readFile(join(migrationsFolder, '0003_secret_ballots.sql'), 'utf8'))
      .split('--> statement-breakpoint')
      .filter((statement) => statement.includes('legacy_votes'));
    expect(statements).toHaveLength(4);
    await database.db.transaction(async (tx) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
    });
  });
  afterAll(async () => {
    await database?.close();
    await dispose();
  });

  const storedLog = async (sessionId: string): Promise<SessionEvent[]> =>
    (
      await query(
        database,
        sql`select event from session_events where session_id = ${sessionId} order by seq`,
      )
    ).map(
      (row) => (typeof row.event === 'string' ? JSON.parse(row.event) : row.event) as SessionEvent,
    );

  it('no vote event is left, and no event names a voter', async () => {
    for (const sessionId of Object.values(sessions)) {
      const log = await storedLog(sessionId);
      expect(
        log.filter((event) => event.type === 'VoteCast' || event.type === 'VoteRetracted'),
      ).toEqual([]);
      for (const voter of [a, b, c]) expect(JSON.stringify(log)).not.toContain(voter);
    }
  });

  it('voting closed before keeps its tallies; voting still open keeps its votes as ballots', async () => {
    const before = fold(openSessionLog);
    const ballots = await query(
      database,
      sql`select step_id, round, participant_id, note_id, count from ballots
          where session_id = ${sessions.open}`,
    );
    let after = fold(await storedLog(sessions.open));
    for (const ballot of ballots) {
      for (let i = 0; i < Number(ballot.count); i += 1) {
        after = evolve(after, cast(String(ballot.participant_id), String(ballot.note_id)));
      }
    }
    expect(ballots).toHaveLength(2);
    expect(after.voting).toEqual(before.voting);
    expect(after.voting[step]).toMatchObject({
      status: 'open',
      round: 2,
      cast: { [a]: { [n4]: 2 }, [b]: { [n5]: 1 } },
    });
    // The rerun's tallies, counted once from the logged votes, are now carried by an event.
    expect(await storedLog(sessions.open)).toContainEqual(
      expect.objectContaining({ type: 'VotingClosed', tallies: { [n2]: 1, [n3]: 1 } }),
    );
  });

  it('voting left open when the session ended is closed with its tallies', async () => {
    const log = await storedLog(sessions.closed);
    expect(log.map((event) => event.type)).toEqual([
      'VotingOpened',
      'VotingClosed',
      'SessionClosed',
    ]);
    expect(fold(log).voting[step]).toMatchObject({ status: 'closed', tallies: { [m1]: 1 } });
    expect(
      await query(database, sql`select * from ballots where session_id = ${sessions.closed}`),
    ).toEqual([]);
  });
});
