import { randomUUID } from 'node:crypto';
import { receiptKey, type Database } from '@reflectory/server';
import type { SessionEvent } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { waitFor, type LiveConnection } from '../support/live-client.ts';
import { AttackReport } from './support/attack-report.ts';
import { boardStep, ok } from './support/board-setup.ts';
import { Closer, castSession, type Cast, type Member } from './support/cast.ts';
import {
  bytesOf,
  dumpEveryTable,
  query,
  relationFiles,
  rowText,
  uuidBytes,
  type TableDump,
} from './support/db-forensics.ts';
import { updateText } from './support/yjs-forensics.ts';

const voterNames = ['Vera Voss', 'Walt Wren', 'Xena Yarrow', 'Yves Zeller'] as const;
type VoterName = (typeof voterNames)[number];

interface Link {
  voter: Member;
  noteId: string;
}

/**
 * [Secret ballots] Votes are counted on the server and only the counts are ever shown. A database
 * reader (an admin, a backup) tries to learn who voted for which note: while voting is open, only
 * the ballots table may say so; once it closes, nothing may, not a row, an event, a receipt, a
 * Yjs update, a log line or the ballots table's own pages. A restart while voting is open must
 * keep everyone's votes.
 */
describeOnEachDatabase('adversarial: secret ballots', (open, dispose) => {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  const report = new AttackReport('secret ballots');
  const closer = new Closer();
  let cast: Cast;
  let fay: LiveConnection;
  const voters = new Map<VoterName, LiveConnection>();
  /** Every (voter, note) a vote was ever cast for, retracted ones included. */
  const links: Link[] = [];
  /** Command ids of every vote command, by sender. */
  const voteCommands: Array<{ voter: Member; commandId: string }> = [];
  const notes: string[] = [];
  let whileOpen: TableDump[];

  const member = (name: VoterName) => cast.get(name);
  const live = (name: VoterName) => voters.get(name) as LiveConnection;

  async function vote(name: VoterName, noteId: string, kind: 'cast' | 'retract' = 'cast') {
    const commandId = randomUUID();
    voteCommands.push({ voter: member(name), commandId });
    if (kind === 'cast') links.push({ voter: member(name), noteId });
    return live(name).command(kind === 'cast' ? 'vote:cast' : 'vote:retract', {
      commandId,
      noteId,
    });
  }

  async function connectVoters() {
    for (const name of voterNames) {
      const connection = closer.add(member(name).browser.connect(cast.sessionId));
      voters.set(name, connection);
    }
    await Promise.all([...voters.values()].map((connection) => connection.waitUntilSynced()));
  }

  async function postNote(text: string): Promise<string> {
    const { noteId } = ok(await fay.command('note:add', { areaId: boardStep, text }));
    notes.push(noteId);
    return noteId;
  }

  /** What identifies a voter in the database: their participant id, device hash and name. */
  async function identities(): Promise<Map<string, string[]>> {
    const rows = await query(
      database,
      sql`select id, device_hash, display_name from participants where session_id = ${cast.sessionId}`,
    );
    return new Map(
      rows.map((row) => [
        String(row.id),
        [row.id, row.device_hash, row.display_name].filter(
          (value): value is string => typeof value === 'string' && value.length > 0,
        ),
      ]),
    );
  }

  /** Rows (any table, Yjs decoded) that hold both a voter's identity and a note they voted for. */
  async function linking(dumps: TableDump[]): Promise<Map<string, number>> {
    const marks = await identities();
    const found = new Map<string, number>();
    for (const dump of dumps) {
      const binary = dump.columns.filter((column) => column.type === 'bytea').map((c) => c.name);
      for (const row of dump.rows) {
        const texts = binary.map((column) => updateText(bytesOf(row[column]))).concat(rowText(row));
        const links_ = links.filter(({ voter, noteId }) =>
          texts.some(
            (text) =>
              text.includes(noteId) && (marks.get(voter.id) ?? []).some((m) => text.includes(m)),
          ),
        );
        if (links_.length > 0) found.set(dump.name, (found.get(dump.name) ?? 0) + 1);
      }
    }
    return found;
  }

  const events = async (): Promise<SessionEvent[]> =>
    (
      await query(
        database,
        sql`select event from session_events where session_id = ${cast.sessionId} order by seq`,
      )
    ).map(
      (row) => (typeof row.event === 'string' ? JSON.parse(row.event) : row.event) as SessionEvent,
    );

  const ballotCount = async () =>
    Number(
      (
        await query(
          database,
          sql`select count(*)::int as n from ballots where session_id = ${cast.sessionId}`,
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    database = await open();
    server = await startApp({ database, logLevel: 'debug', logStream: logs });
    cast = await castSession(server.baseUrl, 'Fay', [...voterNames]);
    fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    await fay.waitUntilSynced();
    await connectVoters();
    await fay.goTo('agreement');
    for (const name of voterNames) await live(name).accept();
    await fay.goTo(boardStep);
    ok(await fay.command('step:visibility', { stepId: boardStep, visibility: 'named' }));
    for (const text of ['Rota gaps', 'No handover', 'Night cover', 'Breaks skipped']) {
      await postNote(text);
    }
    ok(await fay.command('voting:open', { stepId: boardStep, budget: 3, maxPerNote: 2 }));
  });
  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
    await dispose();
  });

  it('while voting is open, only the ballots table links a voter to a note', async () => {
    const [n1, n2, n3, n4] = notes as [string, string, string, string];
    ok(await vote('Vera Voss', n1));
    ok(await vote('Vera Voss', n1));
    ok(await vote('Vera Voss', n2));
    ok(await vote('Walt Wren', n2));
    ok(await vote('Walt Wren', n3));
    ok(await vote('Xena Yarrow', n4));
    ok(await vote('Xena Yarrow', n4, 'retract'));
    ok(await vote('Xena Yarrow', n3));
    ok(await vote('Yves Zeller', n4));
    whileOpen = await dumpEveryTable(database);
    const found = await linking(whileOpen);
    const outside = [...found].filter(([table]) => table !== 'ballots');
    report.record(
      'database reader (voting open)',
      `every table's rows, jsonb and Yjs: ${whileOpen.length} tables`,
      found.size === 0
        ? 'no link anywhere (and none in ballots?)'
        : [...found].map(([table, rows]) => `${table}: ${rows} rows`).join('; '),
      outside.length === 0,
    );
    expect(outside).toEqual([]);
    expect(found.get('ballots')).toBeGreaterThan(0);
  });

  it('a restart while voting is open keeps everyone’s remaining votes', async () => {
    const [n1, n2, n3, n4] = notes as [string, string, string, string];
    for (const connection of voters.values()) connection.close();
    fay.close();
    await server.close();
    // The same port, so that the browsers' cookies and addresses still hold.
    server = await startApp(
      { database, logLevel: 'debug', logStream: logs },
      { port: server.port },
    );
    fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    await fay.waitUntilSynced();
    await connectVoters();
    const expected: Record<VoterName, Record<string, number>> = {
      'Vera Voss': { [n1]: 2, [n2]: 1 },
      'Walt Wren': { [n2]: 1, [n3]: 1 },
      'Xena Yarrow': { [n3]: 1 },
      'Yves Zeller': { [n4]: 1 },
    };
    for (const name of voterNames) {
      await waitFor(() => live(name).privateView?.votes !== undefined, 5000, `${name}'s view`);
    }
    const seen = Object.fromEntries(
      voterNames.map((name) => [name, live(name).privateView?.votes?.byNote ?? null]),
    );
    const kept = JSON.stringify(seen) === JSON.stringify(expected);
    report.record(
      'server restart',
      'votes cast before a restart, while voting is open',
      kept ? 'every voter’s votes kept' : `LOST: ${JSON.stringify(seen)}`,
      kept,
    );
    expect(seen).toEqual(expected);
    expect(live('Vera Voss').privateView?.votes?.remaining).toBe(0);
    expect(live('Yves Zeller').privateView?.votes?.remaining).toBe(2);
    // The budget still counts the votes cast before the restart.
    const over = await vote('Vera Voss', n3);
    expect(over.ok).toBe(false);
    ok(await vote('Yves Zeller', n1));
  });

  it('once voting closes only tallies remain: no row, event, receipt, update or log links a voter to a note', async () => {
    const [n1, n2, n3, n4] = notes as [string, string, string, string];
    ok(await fay.command('voting:close', { stepId: boardStep }));
    const tallies = { [n1]: 3, [n2]: 2, [n3]: 2, [n4]: 1 };
    const board = await fay.waitForBoard((view) => view.tallies[boardStep] !== undefined);
    expect(board.tallies[boardStep]?.counts).toEqual(tallies);

    const dumps = await dumpEveryTable(database);
    const found = await linking(dumps);
    report.record(
      'database reader (voting closed)',
      `every table's rows, jsonb and Yjs: ${dumps.length} tables`,
      found.size === 0
        ? 'no link'
        : [...found].map(([table, rows]) => `${table}: ${rows} rows`).join('; '),
      found.size === 0,
    );
    expect([...found]).toEqual([]);
    expect(await ballotCount()).toBe(0);

    const log = await events();
    const voteEvents = log.filter(
      (event) => event.type === 'VoteCast' || event.type === 'VoteRetracted',
    );
    const closed = log.filter((event) => event.type === 'VotingClosed');
    report.record(
      'database reader (voting closed)',
      'session_events: votes and closes',
      `${voteEvents.length} VoteCast/VoteRetracted; ${closed.length} VotingClosed`,
      voteEvents.length === 0,
    );
    expect(voteEvents).toEqual([]);
    expect(closed).toEqual([expect.objectContaining({ stepId: boardStep, tallies })]);

    // The vote commands' receipts, found with what no store keeps (who sent which id).
    const keys = voteCommands.map(({ voter, commandId }) =>
      receiptKey({ kind: 'person', participantId: voter.id }, commandId),
    );
    const receipts = (
      await query(
        database,
        sql`select command_key, result from command_receipts where session_id = ${cast.sessionId}`,
      )
    ).filter((row) => keys.includes(String(row.command_key)));
    const naming = receipts.filter((row) => notes.some((noteId) => rowText(row).includes(noteId)));
    report.record(
      'database reader (voting closed)',
      `receipts of the ${voteCommands.length} vote commands`,
      `${receipts.length} stored; ${naming.length} name a note`,
      naming.length === 0,
    );
    expect(naming).toEqual([]);

    const marks = await identities();
    const near: string[] = [];
    logs.lines.forEach((line, index) => {
      if (!notes.some((noteId) => line.includes(noteId))) return;
      const around = logs.lines.slice(Math.max(0, index - 3), index + 4).join('\n');
      for (const { voter } of links) {
        if ((marks.get(voter.id) ?? []).some((m) => around.includes(m))) near.push(voter.name);
      }
    });
    report.record(
      'log reader (debug level)',
      `${logs.lines.length} lines: a voter within 3 lines of a note id`,
      near.length === 0 ? 'none' : `LEAK: ${[...new Set(near)].join(', ')}`,
      near.length === 0,
    );
    expect(near).toEqual([]);
  });

  it('running the stage again or ending the session closes open voting the same way: tallies kept, ballots gone', async () => {
    const [, n2, n3] = notes as [string, string, string, string];
    ok(await fay.command('voting:open', { stepId: boardStep, budget: 2, maxPerNote: 1 }));
    ok(await vote('Walt Wren', n2));
    ok(await vote('Xena Yarrow', n3));
    expect(await ballotCount()).toBe(2);
    ok(await fay.command('step:rerun', {}));
    expect(await ballotCount()).toBe(0);
    const rerun = (await events()).slice(-2);
    expect(rerun).toEqual([
      expect.objectContaining({ type: 'VotingClosed', tallies: { [n2]: 1, [n3]: 1 } }),
      expect.objectContaining({ type: 'StepRerun' }),
    ]);

    const n5 = await postNote('Second round: staffing');
    ok(await fay.command('voting:open', { stepId: boardStep, budget: 2, maxPerNote: 1 }));
    ok(await vote('Yves Zeller', n5));
    expect(await ballotCount()).toBe(1);
    ok(await fay.command('session:close', {}));
    expect(await ballotCount()).toBe(0);
    const closing = (await events()).slice(-2);
    expect(closing).toEqual([
      expect.objectContaining({ type: 'VotingClosed', tallies: { [n5]: 1 } }),
      expect.objectContaining({ type: 'SessionClosed' }),
    ]);
    const found = await linking(await dumpEveryTable(database));
    report.record(
      'database reader (rerun, session closed)',
      'every table after voting closed by a rerun and by the session’s end',
      found.size === 0 ? 'no link' : [...found].map(([table]) => table).join(', '),
      found.size === 0,
    );
    expect([...found]).toEqual([]);
  });

  it('no page of the ballots table (heap, indexes, TOAST) still holds a voter’s id once voting has closed', async () => {
    const needles = voterNames.map((name) => ({
      name,
      bytes: uuidBytes(member(name).id),
      text: Buffer.from(member(name).id),
    }));
    let holding: string[] = [];
    // The table is cleaned just after the closing command commits: read until a deadline.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const files = await relationFiles(database, 'ballots');
      holding = files.flatMap(({ relation, bytes }) =>
        needles
          .filter((needle) => bytes.includes(needle.bytes) || bytes.includes(needle.text))
          .map((needle) => `${relation}: ${needle.name}`),
      );
      if (holding.length === 0 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    report.record(
      'database reader (raw pages)',
      'ballots’ relation files after CHECKPOINT, for voters’ ids',
      holding.length === 0 ? 'none' : `FOUND: ${holding.join('; ')}`,
      holding.length === 0,
    );
    expect(holding).toEqual([]);
  });
});
