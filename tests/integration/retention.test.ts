import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { DocCloseCode, purgedBoardMessage } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';

const dayMs = 24 * 60 * 60 * 1000;

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

type Rows = Array<Record<string, unknown>>;

async function query(database: Database, statement: ReturnType<typeof sql>): Promise<Rows> {
  const result = (await database.db.execute(statement)) as unknown as Rows | { rows: Rows };
  return Array.isArray(result) ? result : result.rows;
}

/** Rows a session still has in each table that holds raw board content. */
async function rawRows(database: Database, sessionId: string): Promise<Record<string, number>> {
  const count = async (statement: ReturnType<typeof sql>) =>
    Number((await query(database, statement))[0]?.count ?? 0);
  const docs = `session/${sessionId}/%`;
  return {
    notes: await count(sql`select count(*) as count from notes where session_id = ${sessionId}`),
    session_events: await count(
      sql`select count(*) as count from session_events where session_id = ${sessionId}`,
    ),
    doc_updates: await count(
      sql`select count(*) as count from doc_updates where doc_name like ${docs}`,
    ),
    doc_snapshots: await count(
      sql`select count(*) as count from doc_snapshots where doc_name like ${docs}`,
    ),
    held_notes: await count(
      sql`select count(*) as count from held_notes where session_id = ${sessionId}`,
    ),
    held_changes: await count(
      sql`select count(*) as count from held_changes where session_id = ${sessionId}`,
    ),
    ballots: await count(
      sql`select count(*) as count from ballots where session_id = ${sessionId}`,
    ),
    command_receipts: await count(
      sql`select count(*) as count from command_receipts where session_id = ${sessionId}`,
    ),
  };
}

const empty = {
  notes: 0,
  session_events: 0,
  doc_updates: 0,
  doc_snapshots: 0,
  held_notes: 0,
  held_changes: 0,
  ballots: 0,
  command_receipts: 0,
};

async function createTeam(database: Database, retentionDays: number): Promise<string> {
  const teamId = randomUUID();
  await database.db.execute(
    sql`insert into teams (id, name, retention_days) values (${teamId}, ${'Ward 7'}, ${retentionDays})`,
  );
  return teamId;
}

interface RanSession {
  sessionId: string;
  fay: LiveConnection;
  ann: LiveConnection;
  /** The facilitator's device cookie. */
  cookie: string;
  texts: string[];
}

/**
 * A session of a facilitator and a participant over real sockets: a named note, an anonymous
 * note, a hidden note never revealed, a theme, a closed vote and an action; closed unless asked.
 */
async function runSession(
  server: RunningApp,
  database: Database,
  connections: LiveConnection[],
  options: { teamId: string | null; close: boolean; tag: string },
): Promise<RanSession> {
  const fayBrowser = new TestBrowser(server.baseUrl);
  const created = await fayBrowser.createSession(`Retention ${options.tag}`, 'Fay');
  const sessionId = created.session.id;
  if (options.teamId !== null) {
    // Before any room loads, so the live room knows its team.
    await database.db.execute(
      sql`update sessions set team_id = ${options.teamId} where id = ${sessionId}`,
    );
  }
  const annBrowser = new TestBrowser(server.baseUrl);
  const annId = (await annBrowser.join(created.session.joinCode ?? '', 'Ann')).you.id;
  const fay = fayBrowser.connect(sessionId);
  const ann = annBrowser.connect(sessionId);
  connections.push(fay, ann);
  await Promise.all([fay.waitUntilSynced(), ann.waitUntilSynced()]);
  await ann.accept();

  const texts = [
    `${options.tag}: the handover was rushed`,
    `${options.tag}: nobody asked how I was`,
    `${options.tag}: a thought never revealed`,
    `${options.tag}: we lacked a checklist`,
  ];
  await fay.goTo('what');
  ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
  ok(await ann.command('note:add', { areaId: 'what', text: texts[0] ?? '' }));
  ok(
    await ann.command('note:add', {
      areaId: 'what',
      text: texts[1] ?? '',
      anonymous: true,
      secret: randomBytes(32).toString('base64url'),
    }),
  );
  await fay.waitForBoard((board) => board.notes.length === 2);

  await fay.goTo('so-what');
  const written = ok(await ann.command('note:add', { areaId: 'so-what', text: texts[3] ?? '' }));
  ok(await fay.command('step:reveal', { stepId: 'so-what' }));
  const { groupId } = ok(
    await fay.command('group:create', { stepId: 'so-what', title: `${options.tag} theme` }),
  );
  ok(await fay.command('note:group', { noteId: written.noteId, groupId }));
  ok(await fay.command('voting:open', { stepId: 'so-what', budget: 1, maxPerNote: 1 }));
  ok(await ann.command('vote:cast', { noteId: written.noteId }));
  ok(await fay.command('voting:close', { stepId: 'so-what' }));

  await fay.goTo('now-what');
  ok(await fay.command('step:visibility', { stepId: 'now-what', visibility: 'hidden' }));
  ok(await ann.command('note:add', { areaId: 'now-what', text: texts[2] ?? '' }));
  ok(
    await fay.command('action:add', {
      text: `${options.tag} action`,
      owner: { kind: 'participant', participantId: annId },
      due: '2026-12-01',
    }),
  );
  if (options.close) ok(await fay.command('session:close', {}));
  return { sessionId, fay, ann, cookie: fayBrowser.cookie ?? '', texts };
}

async function backdateClose(database: Database, sessionId: string, days: number): Promise<void> {
  const closedAt = new Date(Date.now() - days * dayMs).toISOString();
  await database.db.execute(
    sql`update sessions set closed_at = ${closedAt}::timestamptz where id = ${sessionId}`,
  );
}

async function purgedAt(database: Database, sessionId: string): Promise<unknown> {
  return (await query(database, sql`select purged_at from sessions where id = ${sessionId}`))[0]
    ?.purged_at;
}

function retentionSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const connections: LiveConnection[] = [];
  /** The retention job's clock runs this far ahead of the real one. */
  let clockAheadMs = 0;

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      rooms: { releaseMinMs: 50, releaseJitterMs: 50, minBatch: 1 },
      // The schedule stays out of the way; the tests run the job themselves.
      retention: { intervalMs: 3_600_000, now: () => new Date(Date.now() + clockAheadMs) },
    });
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  it('[RT1][RT3] the job purges sessions closed longer ago than their retention, and no other', async () => {
    const team = await createTeam(database, 30);
    const old = await runSession(server, database, connections, {
      teamId: team,
      close: true,
      tag: 'Old',
    });
    const recent = await runSession(server, database, connections, {
      teamId: team,
      close: true,
      tag: 'Recent',
    });
    const open = await runSession(server, database, connections, {
      teamId: team,
      close: false,
      tag: 'Open',
    });
    const standalone = await runSession(server, database, connections, {
      teamId: null,
      close: true,
      tag: 'Standalone',
    });
    // Each close asked retention whether the board was due at once (it was not); let that settle.
    await server.app.retention.idle();
    await backdateClose(database, old.sessionId, 31);
    await backdateClose(database, recent.sessionId, 29);
    await backdateClose(database, standalone.sessionId, 31);
    await database.db.execute(
      sql`insert into team_actions (id, team_id, session_id, text, status) values (${randomUUID()}, ${team}, ${old.sessionId}, ${'Keep the rota visible'}, 'open')`,
    );
    const actionsBefore = await query(
      database,
      sql`select id, text, status from team_actions where team_id = ${team} order by id`,
    );
    const expired = randomBytes(32).toString('hex');
    const userId = randomUUID();
    await database.db.execute(
      sql`insert into users (id, email, display_name, password_hash) values (${userId}, ${`${userId}@example.org`}, ${'Old sign-in'}, ${'x'})`,
    );
    await database.db.execute(
      sql`insert into auth_sessions (token_hash, user_id, expires_at) values (${expired}, ${userId}, ${new Date(Date.now() - 1000).toISOString()}::timestamptz)`,
    );

    const refused = new Promise<string>((resolve) =>
      old.fay.socket.on('connection:refused', ({ message }) => resolve(message)),
    );
    const docClosed = new Promise<number>((resolve) =>
      old.ann.provider.on('connection-close', (event) => {
        if (event) resolve(event.code);
      }),
    );

    const run = await server.app.retention.runOnce();
    expect(run.purged.sort()).toEqual([old.sessionId, standalone.sessionId].sort());
    expect(run.signInsDeleted).toBeGreaterThanOrEqual(1);
    expect(await purgedAt(database, recent.sessionId)).toBeNull();
    expect(await purgedAt(database, open.sessionId)).toBeNull();
    expect(await purgedAt(database, old.sessionId)).not.toBeNull();

    // Every raw table is empty for the purged sessions, untouched for the others.
    expect(await rawRows(database, old.sessionId)).toEqual(empty);
    expect(await rawRows(database, standalone.sessionId)).toEqual(empty);
    expect((await rawRows(database, recent.sessionId)).notes).toBeGreaterThan(0);
    expect((await rawRows(database, open.sessionId)).session_events).toBeGreaterThan(0);

    // The outcome keeps theme titles, counts, tallies and actions, and no note text.
    const [stored] = await query(
      database,
      sql`select outcome from session_outcomes where session_id = ${old.sessionId}`,
    );
    const outcome = JSON.stringify(stored?.outcome);
    expect(outcome).toContain('Old theme');
    expect(outcome).toContain('Old action');
    expect(stored?.outcome).toMatchObject({
      counts: { notes: 3 },
      notesDeleted: { retentionDays: 30 },
    });
    for (const text of old.texts) expect(outcome).not.toContain(text);

    // The team's actions are the team's: retention leaves them as they were.
    expect(
      await query(
        database,
        sql`select id, text, status from team_actions where team_id = ${team} order by id`,
      ),
    ).toEqual(actionsBefore);
    expect(actionsBefore.length).toBeGreaterThan(0);

    // The team's audit log says what retention did, in counts only.
    const audit = await query(
      database,
      sql`select actor_name, details from audit_events where session_id = ${old.sessionId} and action = 'retention.purged'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_name).toBe('Retention');
    expect(audit[0]?.details).toMatchObject({ retentionDays: 30, notes: 4 });
    for (const text of old.texts) expect(JSON.stringify(audit)).not.toContain(text);

    // The live room is gone: its people are told why, and the board cannot be fetched again.
    expect(await refused).toBe(purgedBoardMessage);
    expect(await docClosed).toBe(DocCloseCode.purged);
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(
        `${server.baseUrl.replace(/^http/, 'ws')}/yjs/session/${old.sessionId}/board`,
        { headers: { cookie: old.cookie } },
      );
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the purged board opened')));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(410);

    // Nothing is written back once the connections have gone (no compaction of a purged doc).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rawRows(database, old.sessionId)).toEqual(empty);

    // [RT4] Running again changes nothing.
    expect((await server.app.retention.runOnce()).purged).toEqual([]);
    expect(await server.app.retention.purge(old.sessionId)).toEqual({
      purged: false,
      reason: 'already_purged',
    });
    expect(
      await query(
        database,
        sql`select count(*)::int as count from audit_events where session_id = ${old.sessionId} and action = 'retention.purged'`,
      ),
    ).toEqual([{ count: 1 }]);

    // Two days later by the job's clock, the session closed 29 days ago is due too.
    clockAheadMs = 2 * dayMs;
    try {
      expect((await server.app.retention.runOnce()).purged).toEqual([recent.sessionId]);
    } finally {
      clockAheadMs = 0;
    }
    expect(await purgedAt(database, open.sessionId)).toBeNull();
  });

  it('[RT2] with 0 days of retention, the notes go as soon as the session closes', async () => {
    const team = await createTeam(database, 0);
    const session = await runSession(server, database, connections, {
      teamId: team,
      close: false,
      tag: 'Zero',
    });
    const refused = new Promise<string>((resolve) =>
      session.ann.socket.on('connection:refused', ({ message }) => resolve(message)),
    );
    ok(await session.fay.command('session:close', {}));
    const deadline = Date.now() + 10_000;
    while ((await purgedAt(database, session.sessionId)) === null) {
      if (Date.now() > deadline) throw new Error('the session was not purged at close');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await rawRows(database, session.sessionId)).toEqual(empty);
    expect(await refused).toBe(purgedBoardMessage);
    const [stored] = await query(
      database,
      sql`select outcome from session_outcomes where session_id = ${session.sessionId}`,
    );
    expect(stored?.outcome).toMatchObject({ notesDeleted: { retentionDays: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rawRows(database, session.sessionId)).toEqual(empty);
  });
}

describeOnEachDatabase('retention', retentionSuite);
