import { openPostgres, type Database } from '@reflectory/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { createScratchPostgres, type ScratchPostgres } from '../support/databases.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';

/**
 * What one command costs PostgreSQL, counted statement by statement (issue #7): every statement
 * is a round trip or part of one, and a command holds one of the pool's connections for all of
 * them. Counts, not times, so that the figures are the same on a busy machine.
 */
describeWith('the command path on PostgreSQL', realPostgres, () => {
  let scratch: ScratchPostgres;
  let database: Database;
  let server: RunningApp;
  let statements: string[] = [];
  let fay: LiveConnection;
  let ann: LiveConnection;
  let ben: LiveConnection;

  /**
   * The statements `work` caused, each as its first words. Those between the receipt's claim and
   * COMMIT are pipelined writes to different tables, in whatever order the driver got them: sorted.
   */
  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
    statements = [];
    const result = await work();
    const sent = statements.map((statement) =>
      statement.replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ').toLowerCase(),
    );
    const last = sent.length - 1;
    return {
      result,
      sent: [...sent.slice(0, 2), ...sent.slice(2, last).sort(), ...sent.slice(last)],
    };
  }

  beforeAll(async () => {
    scratch = await createScratchPostgres(testDatabaseUrl ?? '');
    database = await openPostgres(scratch.url, {
      onStatement: (statement) => statements.push(statement),
    });
    await database.migrate();
    // No compaction in the counted windows: it runs on its own schedule, not per command.
    server = await startApp({ database, rooms: { compactAfter: 10_000 } });
    const fayBrowser = new TestBrowser(server.baseUrl);
    const membership = await fayBrowser.createSession('Ward 7 debrief', 'Fay');
    const code = membership.session.joinCode ?? '';
    const annBrowser = new TestBrowser(server.baseUrl);
    const benBrowser = new TestBrowser(server.baseUrl);
    await annBrowser.join(code, 'Ann');
    await benBrowser.join(code, 'Ben');
    fay = fayBrowser.connect(membership.session.id);
    ann = annBrowser.connect(membership.session.id);
    ben = benBrowser.connect(membership.session.id);
    await Promise.all([fay, ann, ben].map((live) => live.waitUntilSynced()));
    await Promise.all([ann.accept(), ben.accept()]);
    await fay.goTo('what');
  });

  afterAll(async () => {
    for (const live of [fay, ann, ben]) live.close();
    await server.close();
    await database.close();
    await scratch.drop();
  });

  it('a note is posted in one transaction of six statements, its receipt claimed first', async () => {
    expect((await fay.command('step:visibility', { stepId: 'what', visibility: 'named' })).ok).toBe(
      true,
    );
    const { result, sent } = await counted(() =>
      ann.command('note:add', { areaId: 'what', text: 'Handover was rushed' }),
    );
    expect(result.ok).toBe(true);
    expect(sent).toEqual([
      'begin',
      'insert into "command_receipts"',
      'insert into "doc_updates"',
      'insert into "notes"',
      'insert into "session_events"',
      'commit',
    ]);
  });

  it('a retried command is answered from its receipt, with no write but the refused claim', async () => {
    const commandId = crypto.randomUUID();
    const first = await ann.command('note:add', { commandId, areaId: 'what', text: 'Only once' });
    const { result: again, sent } = await counted(() =>
      ann.command('note:add', { commandId, areaId: 'what', text: 'Only once' }),
    );
    expect(again).toEqual(first);
    expect(sent).toEqual([
      'begin',
      'insert into "command_receipts"',
      'select "result" from',
      'commit',
    ]);
  });

  it('a reveal costs the same statements for 12 hidden notes as for 2: none is written per note', async () => {
    const revealAfter = async (perPerson: number) => {
      expect(
        (await fay.command('step:visibility', { stepId: 'what', visibility: 'hidden' })).ok,
      ).toBe(true);
      for (let i = 0; i < perPerson; i += 1) {
        for (const person of [ann, ben]) {
          expect((await person.command('note:add', { areaId: 'what', text: `n${i}` })).ok).toBe(
            true,
          );
        }
      }
      const { result, sent } = await counted(() => fay.command('step:reveal', { stepId: 'what' }));
      expect(result).toEqual({ ok: true, data: { revealed: perPerson * 2 } });
      return sent;
    };
    const small = await revealAfter(1);
    expect((await fay.command('step:rerun', {})).ok).toBe(true);
    const large = await revealAfter(6);
    expect(large).toEqual(small);
    expect(small).toEqual([
      'begin',
      'insert into "command_receipts"',
      'insert into "doc_updates"',
      'insert into "session_events"',
      'commit',
    ]);
  });
});
