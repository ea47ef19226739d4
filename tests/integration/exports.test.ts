import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import type { ReflectionSummary } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';

const dayMs = 24 * 60 * 60 * 1000;

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const texts = {
  named: 'The handover was rushed again',
  anonymous: 'I did not feel safe to speak up',
  hidden: 'A worry that was never revealed',
  formula: '=HYPERLINK("https://evil.example","click")',
  quoted: 'Ann said "no", then left',
};
const themeTitle = 'Handover pressure';
const actionText = 'Write the handover checklist';
/** Quinn writes only anonymously: the name must appear in no export. */
const anonymousAuthor = 'Quinn Quietly';

interface Download {
  status: number;
  body: string;
  headers: Headers;
}

async function download(baseUrl: string, path: string, cookie: string): Promise<Download> {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** A signed-in account, made directly in the store (the sign-in cookie holds a random token). */
async function signedInUser(
  database: Database,
  name: string,
): Promise<{ id: string; cookie: string }> {
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await database.db.execute(
    sql`insert into users (id, email, display_name, password_hash) values (${id}, ${`${id}@example.org`}, ${name}, ${'x'})`,
  );
  const tokenHash = createHash('sha256').update(token).digest('hex');
  // Beyond the retention clock's jump below, which also deletes expired sign-ins.
  const expires = new Date(Date.now() + 60 * dayMs).toISOString();
  await database.db.execute(
    sql`insert into auth_sessions (token_hash, user_id, expires_at) values (${tokenHash}, ${id}, ${expires}::timestamptz)`,
  );
  return { id, cookie: `rf_session=${token}` };
}

function exportsSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  let clockAheadMs = 0;
  let sessionId = '';
  let fayCookie = '';
  let annCookie = '';
  let memberCookie = '';
  let outsiderCookie = '';
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      rooms: { releaseMinMs: 50, releaseJitterMs: 50, minBatch: 1 },
      retention: { intervalMs: 3_600_000, now: () => new Date(Date.now() + clockAheadMs) },
    });

    const teamId = randomUUID();
    await database.db.execute(
      sql`insert into teams (id, name, retention_days) values (${teamId}, ${'Ward 7'}, 30)`,
    );
    const member = await signedInUser(database, 'Mo Member');
    await database.db.execute(
      sql`insert into team_members (team_id, user_id, role) values (${teamId}, ${member.id}, 'member')`,
    );
    memberCookie = member.cookie;
    outsiderCookie = (await signedInUser(database, 'Otto Outsider')).cookie;

    const fayBrowser = new TestBrowser(server.baseUrl);
    const created = await fayBrowser.createSession('Export test', 'Fay');
    sessionId = created.session.id;
    await database.db.execute(sql`update sessions set team_id = ${teamId} where id = ${sessionId}`);
    const annBrowser = new TestBrowser(server.baseUrl);
    const quinnBrowser = new TestBrowser(server.baseUrl);
    const code = created.session.joinCode ?? '';
    const annId = (await annBrowser.join(code, 'Ann')).you.id;
    await quinnBrowser.join(code, anonymousAuthor);
    fayCookie = fayBrowser.cookie ?? '';
    annCookie = annBrowser.cookie ?? '';
    const fay = fayBrowser.connect(sessionId);
    const ann = annBrowser.connect(sessionId);
    const quinn = quinnBrowser.connect(sessionId);
    connections.push(fay, ann, quinn);
    await Promise.all(connections.map((connection) => connection.waitUntilSynced()));
    await ann.accept();
    await quinn.accept();

    // What? (named): a named note, an anonymous one, and two that test CSV cells.
    await fay.goTo('what');
    ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
    ok(await ann.command('note:add', { areaId: 'what', text: texts.named }));
    ok(await ann.command('note:add', { areaId: 'what', text: texts.formula }));
    ok(await ann.command('note:add', { areaId: 'what', text: texts.quoted }));
    ok(
      await quinn.command('note:add', {
        areaId: 'what',
        text: texts.anonymous,
        anonymous: true,
        secret: randomBytes(32).toString('base64url'),
      }),
    );
    await fay.waitForBoard((board) => board.notes.length === 4);

    // So what? (hidden, then revealed): a theme and a closed vote.
    await fay.goTo('so-what');
    const grouped = ok(await ann.command('note:add', { areaId: 'so-what', text: 'Too few staff' }));
    ok(await fay.command('step:reveal', { stepId: 'so-what' }));
    const { groupId } = ok(
      await fay.command('group:create', { stepId: 'so-what', title: themeTitle }),
    );
    ok(await fay.command('note:group', { noteId: grouped.noteId, groupId }));
    ok(await fay.command('voting:open', { stepId: 'so-what', budget: 2, maxPerNote: 2 }));
    ok(await ann.command('vote:cast', { noteId: grouped.noteId }));
    ok(await quinn.command('vote:cast', { noteId: grouped.noteId }));
    ok(await fay.command('voting:close', { stepId: 'so-what' }));

    // Now what? made hidden: Ann's note there is never revealed.
    await fay.goTo('now-what');
    ok(await fay.command('step:visibility', { stepId: 'now-what', visibility: 'hidden' }));
    ok(await ann.command('note:add', { areaId: 'now-what', text: texts.hidden }));
    ok(
      await fay.command('action:add', {
        text: actionText,
        owner: { kind: 'participant', participantId: annId },
        due: '2026-12-01',
      }),
    );
    ok(await fay.command('session:close', {}));
    await server.app.retention.idle();
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  describe('before retention', () => {
    it('the JSON export is the summary: revealed notes, named authors, themes, tallies, actions', async () => {
      const file = await download(
        server.baseUrl,
        `/api/sessions/${sessionId}/summary.json`,
        fayCookie,
      );
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('application/json');
      expect(file.headers.get('content-disposition')).toMatch(
        /^attachment; filename="reflectory-export-test-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      expect(file.headers.get('cache-control')).toBe('no-store');
      const summary = JSON.parse(file.body) as ReflectionSummary;
      expect(summary).toMatchObject({ title: 'Export test', status: 'closed', notesDeleted: null });
      const what = summary.stages.find((stage) => stage.id === 'what');
      expect(what?.notes.find((note) => note.text === texts.named)).toMatchObject({
        author: 'Ann',
      });
      const anonymous = what?.notes.find((note) => note.text === texts.anonymous);
      expect(anonymous).toBeDefined();
      expect(Object.keys(anonymous ?? {})).not.toContain('author');
      const soWhat = summary.stages.find((stage) => stage.id === 'so-what');
      expect(soWhat).toMatchObject({
        votes: 2,
        themes: [{ title: themeTitle, noteCount: 1, votes: 2 }],
      });
      expect(summary.actions).toEqual([{ text: actionText, owner: 'Ann', due: '2026-12-01' }]);
    });

    it('[EX1][EX2] no format holds a hidden note or the name of an anonymous author', async () => {
      for (const format of ['json', 'md', 'csv']) {
        const file = await download(
          server.baseUrl,
          `/api/sessions/${sessionId}/summary.${format}`,
          fayCookie,
        );
        expect(file.status).toBe(200);
        expect(file.body).toContain(texts.anonymous);
        expect(file.body).toContain(themeTitle);
        expect(file.body).not.toContain(texts.hidden);
        expect(file.body).not.toContain('Quinn');
      }
    });

    it('the Markdown export reads as a document', async () => {
      const file = await download(
        server.baseUrl,
        `/api/sessions/${sessionId}/summary.md`,
        fayCookie,
      );
      expect(file.headers.get('content-type')).toContain('text/markdown');
      expect(file.body).toMatch(/^# Export test\n/);
      expect(file.body).toContain('- Model: What? So what? Now what?');
      expect(file.body).toContain(`- ${texts.named} — Ann`);
      expect(file.body).toContain(`- I did not feel safe to speak up — anonymous`);
      expect(file.body).toContain(`| ${themeTitle} | 1 | 2 |`);
      expect(file.body).toContain(`| ${actionText} | Ann | 2026-12-01 |`);
    });

    it('the CSV export has one row per item, quoted, with formulas made inert', async () => {
      const file = await download(
        server.baseUrl,
        `/api/sessions/${sessionId}/summary.csv`,
        fayCookie,
      );
      expect(file.headers.get('content-type')).toContain('text/csv');
      const lines = file.body.split('\r\n');
      expect(lines[0]).toBe('kind,stage,theme,text,author,votes,notes,owner,due,decision');
      expect(lines).toContain(`note,What?,,${texts.named},Ann,,,,,`);
      expect(lines).toContain(`note,What?,,${texts.anonymous},,,,,,`);
      expect(lines).toContain(
        `note,What?,,"'=HYPERLINK(""https://evil.example"",""click"")",Ann,,,,,`,
      );
      expect(lines).toContain(`note,What?,,"Ann said ""no"", then left",Ann,,,,,`);
      expect(lines).toContain(`theme,So what?,${themeTitle},,,2,1,,,`);
      expect(lines).toContain(`action,,,${actionText},,,,Ann,2026-12-01,`);
      expect(lines.filter((line) => line.startsWith('note,'))).toHaveLength(5);
    });

    it('facilitators and team members may export; participants and strangers may not', async () => {
      const path = `/api/sessions/${sessionId}/summary.json`;
      expect((await download(server.baseUrl, path, memberCookie)).status).toBe(200);
      expect((await download(server.baseUrl, path, annCookie)).status).toBe(403);
      expect((await download(server.baseUrl, path, outsiderCookie)).status).toBe(404);
      expect((await download(server.baseUrl, path, '')).status).toBe(404);
      expect(
        (await download(server.baseUrl, `/api/sessions/not-a-uuid/summary.json`, fayCookie)).status,
      ).toBe(404);
      expect(
        (await download(server.baseUrl, `/api/sessions/${randomUUID()}/summary.json`, fayCookie))
          .status,
      ).toBe(404);
    });

    it('each download is in the team audit log with its format; viewing the summary is not', async () => {
      const before = await exportAudit();
      expect(
        (await download(server.baseUrl, `/api/sessions/${sessionId}/summary`, fayCookie)).status,
      ).toBe(200);
      expect(await exportAudit()).toEqual(before);
      await download(server.baseUrl, `/api/sessions/${sessionId}/summary.csv`, memberCookie);
      const after = await exportAudit();
      expect(after.slice(before.length)).toEqual([
        { actor_name: 'Mo Member', details: { format: 'csv' } },
      ]);
      expect(after).toContainEqual({ actor_name: 'Fay', details: { format: 'md' } });
    });

    it('a link on another site cannot make a download in the reader’s name', async () => {
      const before = await exportAudit();
      const response = await fetch(`${server.baseUrl}/api/sessions/${sessionId}/summary.md`, {
        headers: { cookie: memberCookie, 'sec-fetch-site': 'cross-site' },
      });
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(texts.named);
      expect(await exportAudit()).toEqual(before);
    });
  });

  describe('after retention', () => {
    beforeAll(async () => {
      clockAheadMs = 31 * dayMs;
      try {
        expect((await server.app.retention.runOnce()).purged).toEqual([sessionId]);
      } finally {
        clockAheadMs = 0;
      }
    });

    it('[EX3] no format holds any note text; each says when the notes were deleted', async () => {
      for (const format of ['json', 'md', 'csv']) {
        const file = await download(
          server.baseUrl,
          `/api/sessions/${sessionId}/summary.${format}`,
          fayCookie,
        );
        expect(file.status).toBe(200);
        for (const text of [...Object.values(texts), 'Too few staff', 'HYPERLINK']) {
          expect(file.body).not.toContain(text);
        }
        expect(file.body).not.toContain('Quinn');
        expect(file.body).toContain(themeTitle);
        expect(file.body).toContain(actionText);
        expect(file.body.toLowerCase()).toContain('deleted');
      }
      const summary = JSON.parse(
        (await download(server.baseUrl, `/api/sessions/${sessionId}/summary.json`, fayCookie)).body,
      ) as ReflectionSummary;
      expect(summary.notesDeleted).toMatchObject({ retentionDays: 30 });
      expect(summary.stages.every((stage) => stage.notes.length === 0)).toBe(true);
      expect(summary.counts.notes).toBe(5);
    });

    it('team members still read the outcome; participants still may not', async () => {
      const path = `/api/sessions/${sessionId}/summary`;
      expect((await download(server.baseUrl, path, memberCookie)).status).toBe(200);
      expect((await download(server.baseUrl, path, annCookie)).status).toBe(403);
    });
  });

  async function exportAudit(): Promise<Array<Record<string, unknown>>> {
    const result = (await database.db.execute(
      sql`select actor_name, details from audit_events where session_id = ${sessionId} and action = 'session.exported' order by id`,
    )) as unknown as Array<Record<string, unknown>> | { rows: Array<Record<string, unknown>> };
    return Array.isArray(result) ? result : result.rows;
  }
}

describeOnEachDatabase('summary exports', exportsSuite);
