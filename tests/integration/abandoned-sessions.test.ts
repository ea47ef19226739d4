import type { Database } from '@reflectory/server';
import { abandonedAfterDays, dayMs, membershipSchema } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { CookieBrowser } from '../support/team-client.ts';

/** [RT5] Sessions nobody finished are closed by the retention job, so their retention runs. */
function abandonedSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  let clockAheadMs = 0;

  const closedAt = async (sessionId: string): Promise<unknown> => {
    const result = (await database.db.execute(
      sql`select closed_at from sessions where id = ${sessionId}`,
    )) as unknown;
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    return (rows[0] as { closed_at: unknown }).closed_at;
  };

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      retention: { intervalMs: 3_600_000, now: () => new Date(Date.now() + clockAheadMs) },
    });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  it('[RT5] closes a session still open a week after it started, and not one planned for later', async () => {
    const facilitator = new CookieBrowser(server.baseUrl);
    const start = async (title: string) => {
      const answer = await facilitator.request('POST', '/api/sessions', {
        title,
        facilitatorName: 'Fay',
      });
      expect(answer.status).toBe(201);
      return membershipSchema.parse(answer.body).session.id;
    };
    const forgotten = await start('Forgotten session');
    const planned = await start('Planned for next month');
    await database.db.execute(
      sql`update sessions set scheduled_for = now() + interval '30 days' where id = ${planned}`,
    );
    const board = facilitator.connect(forgotten);
    try {
      await board.waitUntilSynced();

      // Six days on, nothing is abandoned yet.
      clockAheadMs = (abandonedAfterDays - 1) * dayMs;
      expect((await server.app.retention.runOnce()).closed).toEqual([]);
      expect(await closedAt(forgotten)).toBeNull();

      clockAheadMs = abandonedAfterDays * dayMs + 60_000;
      const run = await server.app.retention.runOnce();
      expect(run.closed).toEqual([forgotten]);
      // Closed as any session closes: its row, and the board everyone holds, say so.
      expect(await closedAt(forgotten)).not.toBeNull();
      await board.waitForBoard((view) => view.status === 'closed');
      expect(await closedAt(planned)).toBeNull();
      // Its notes are not deleted yet: retention counts from this close.
      expect(run.purged).toEqual([]);
      expect((await server.app.retention.runOnce()).closed).toEqual([]);
    } finally {
      clockAheadMs = 0;
      board.close();
    }
  });
}

describeOnEachDatabase('abandoned sessions', abandonedSuite);
