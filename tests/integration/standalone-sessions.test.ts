import type { Database } from '@reflectory/server';
import { membershipSchema, teamListSchema } from '@reflectory/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { CookieBrowser, signUp } from '../support/team-client.ts';

/** STANDALONE_SESSIONS=false: every session belongs to a team and is started by its facilitators. */
function teamOnlySuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;

  beforeAll(async () => {
    database = await open();
    server = await startApp({ database, standaloneSessions: false });
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  it('refuses a session started without a team, with a sentence saying where to start one', async () => {
    const body = { title: 'One-off', facilitatorName: 'Gus' };
    for (const browser of [
      new CookieBrowser(server.baseUrl),
      await signUp(server.baseUrl, 'Sam'),
    ]) {
      const answer = await browser.request<{ error: { code: string; message: string } }>(
        'POST',
        '/api/sessions',
        body,
      );
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toMatch(/started from a team’s page/);
    }
    const rows = (await database.db.execute('select count(*)::int as n from sessions')) as unknown;
    const count = Array.isArray(rows)
      ? (rows[0] as { n: number }).n
      : (rows as { rows: { n: number }[] }).rows[0]?.n;
    expect(count).toBe(0);
  });

  it('still lets a team’s facilitators start its sessions', async () => {
    const owner = await signUp(server.baseUrl, 'Olive');
    const created = await owner.request('POST', '/api/teams', { name: 'Night team' });
    const [team] = teamListSchema.parse(created.body).teams;
    const started = await owner.request('POST', `/api/teams/${team?.id}/sessions`, {
      title: 'Monday supervision',
    });
    expect(started.status).toBe(201);
    expect(membershipSchema.parse(started.body).you.role).toBe('facilitator');
  });
}

describeOnEachDatabase('sessions only within teams', teamOnlySuite);
