import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { inviteCreatedSchema, membershipSchema, teamListSchema } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { TestBrowser, waitFor, type LiveConnection } from '../support/live-client.ts';
import { signUp } from '../support/team-client.ts';

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

interface AuditRow {
  action: string;
  actor_name: string;
  actor_user_id: string | null;
  session_id: string | null;
  details: Record<string, unknown>;
}

function auditSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const connections: LiveConnection[] = [];

  async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
    const result = (await database.db.execute(statement)) as unknown as T[] | { rows: T[] };
    return Array.isArray(result) ? result : result.rows;
  }
  const auditOf = (teamId: string) =>
    query<AuditRow>(
      sql`select action, actor_name, actor_user_id, session_id, details from audit_events
          where team_id = ${teamId} order by id`,
    );

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      rooms: { releaseMinMs: 50, releaseJitterMs: 50, minBatch: 1 },
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

  it('records each kind of team change with its actor', async () => {
    const [olive, fran, mo, zed] = await Promise.all(
      ['Olive', 'Fran', 'Mo', 'Zed'].map((name) => signUp(server.baseUrl, name)),
    );
    if (!olive || !fran || !mo || !zed) throw new Error('sign-up failed');
    const teamId =
      teamListSchema.parse((await olive.request('POST', '/api/teams', { name: 'Ward 7' })).body)
        .teams[0]?.id ?? '';
    await olive.request('PATCH', `/api/teams/${teamId}`, { name: 'Ward 7 nurses' });
    await olive.request('PATCH', `/api/teams/${teamId}`, { retentionDays: 7 });
    const invite = inviteCreatedSchema.parse(
      (await olive.request('POST', `/api/teams/${teamId}/invites`, { role: 'member' })).body,
    );
    const token = invite.link.replace('/invite/', '');
    for (const person of [fran, mo, zed]) {
      expect((await person.request('POST', `/api/invites/${token}/accept`)).status).toBe(200);
    }
    // Accepting again records nothing more.
    await fran.request('POST', `/api/invites/${token}/accept`);
    await olive.request('PATCH', `/api/teams/${teamId}/members/${fran.userId}`, {
      role: 'facilitator',
    });
    await mo.request('DELETE', `/api/teams/${teamId}/members/${mo.userId}`);
    await olive.request('DELETE', `/api/teams/${teamId}/members/${zed.userId}`);
    await olive.request('DELETE', `/api/teams/${teamId}/invites/${invite.invite.id}`);
    const started = membershipSchema.parse(
      (
        await fran.request('POST', `/api/teams/${teamId}/sessions`, {
          title: 'Thursday debrief',
          scheduledFor: '2030-01-02T10:00:00Z',
        })
      ).body,
    );
    // Refused attempts record nothing.
    await fran.request('PATCH', `/api/teams/${teamId}`, { name: 'Not allowed' });
    await olive.request('DELETE', `/api/teams/${teamId}/members/${olive.userId}`);

    const rows = await auditOf(teamId);
    expect(rows.map((row) => [row.action, row.actor_name])).toEqual([
      ['team.created', 'Olive'],
      ['team.renamed', 'Olive'],
      ['team.retention_changed', 'Olive'],
      ['invite.created', 'Olive'],
      ['member.joined', 'Fran'],
      ['member.joined', 'Mo'],
      ['member.joined', 'Zed'],
      ['member.role_changed', 'Olive'],
      ['member.left', 'Mo'],
      ['member.removed', 'Olive'],
      ['invite.revoked', 'Olive'],
      ['session.started', 'Fran'],
    ]);
    const byAction = new Map(rows.map((row) => [row.action, row]));
    expect(byAction.get('team.created')?.actor_user_id).toBe(olive.userId);
    expect(byAction.get('team.renamed')?.details).toEqual({ from: 'Ward 7', to: 'Ward 7 nurses' });
    expect(byAction.get('team.retention_changed')?.details).toEqual({ from: 30, to: 7 });
    expect(byAction.get('invite.created')?.details).toMatchObject({
      inviteId: invite.invite.id,
      role: 'member',
    });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(byAction.get('member.role_changed')?.details).toEqual({
      userId: fran.userId,
      name: 'Fran',
      from: 'member',
      to: 'facilitator',
    });
    expect(byAction.get('member.removed')?.details).toMatchObject({ name: 'Zed', role: 'member' });
    expect(byAction.get('member.left')?.actor_user_id).toBe(mo.userId);
    expect(byAction.get('session.started')).toMatchObject({
      session_id: started.session.id,
      actor_user_id: fran.userId,
      details: { title: 'Thursday debrief', scheduledFor: '2030-01-02T10:00:00.000Z' },
    });
  });

  it('records a facilitator’s session actions, and never who wrote an anonymous note, its id or its text', async () => {
    const olive = await signUp(server.baseUrl, 'Olive');
    const teamId =
      teamListSchema.parse((await olive.request('POST', '/api/teams', { name: 'Team B' })).body)
        .teams[0]?.id ?? '';
    const created = await olive.request('POST', `/api/teams/${teamId}/sessions`, {
      title: 'Case review',
      facilitatorName: 'Olive',
      modelId: 'what-so-what-now-what',
    });
    expect(created.status).toBe(201);
    const { session } = membershipSchema.parse(created.body);
    const sessionId = session.id;

    const guests = await Promise.all(
      ['Annwyn', 'Bertrand', 'Delphine'].map(async (name) => {
        const browser = new TestBrowser(server.baseUrl);
        const membership = await browser.join(session.joinCode ?? '', name);
        return { name, id: membership.you.id, live: browser.connect(sessionId) };
      }),
    );
    const [ann, ben, dee] = guests as [
      (typeof guests)[number],
      (typeof guests)[number],
      (typeof guests)[number],
    ];
    const fay = olive.connect(sessionId);
    connections.push(fay, ann.live, ben.live, dee.live);
    await Promise.all([fay, ann.live, ben.live, dee.live].map((c) => c.waitUntilSynced()));

    await fay.goTo('agreement');
    await ann.live.accept();
    await ben.live.accept();
    const stages = fay.board().steps.filter((step) => step.kind === 'stage');
    const [hiddenStage, anonymousStage] = stages;
    if (!hiddenStage || !anonymousStage) throw new Error('the model has fewer than two stages');
    ok(await fay.command('step:visibility', { stepId: hiddenStage.id, visibility: 'hidden' }));
    ok(
      await fay.command('step:visibility', { stepId: anonymousStage.id, visibility: 'anonymous' }),
    );

    // Silent writing: an anonymous hidden note and a named one, then the facilitator reveals.
    await fay.goTo(hiddenStage.id);
    const secret = randomBytes(32).toString('base64url');
    const hiddenNote = ok(
      await ann.live.command('note:add', {
        areaId: hiddenStage.id,
        text: 'ANON-AUDIT-MARKER one',
        anonymous: true,
        secret,
      }),
    );
    ok(await ben.live.command('note:add', { areaId: hiddenStage.id, text: 'Named thought' }));
    // [AR6] Held anonymous notes are not counted for facilitators, only the named one.
    await waitFor(
      () => fay.facilitationView?.hiddenCounts[hiddenStage.id] === 1,
      5000,
      'one hidden named note',
    );
    expect(ok(await fay.command('step:reveal', { stepId: hiddenStage.id }))).toEqual({
      revealed: 2,
    });

    // An anonymous stage: the server releases the note in a batch, which is not audited.
    await fay.goTo(anonymousStage.id);
    const secondSecret = randomBytes(32).toString('base64url');
    const releasedNote = ok(
      await ann.live.command('note:add', {
        areaId: anonymousStage.id,
        text: 'ANON-AUDIT-MARKER two',
        secret: secondSecret,
      }),
    );
    await fay.waitForBoard((board) => board.notes.some((note) => note.id === releasedNote.noteId));

    ok(await fay.command('role:set', { participantId: ben.id, role: 'co-facilitator' }));
    ok(await fay.command('participant:remove', { participantId: dee.id }));
    ok(await fay.command('session:close', {}));

    const rows = (await auditOf(teamId)).filter((row) => row.session_id === sessionId);
    expect(rows.map((row) => row.action)).toEqual([
      'session.started',
      'session.visibility_changed',
      'session.visibility_changed',
      'session.revealed',
      'session.role_changed',
      'session.participant_removed',
      'session.closed',
    ]);
    const [facilitator] = await query<{ user_id: string | null }>(
      sql`select user_id from participants where session_id = ${sessionId} and role = 'facilitator'`,
    );
    for (const row of rows.slice(1)) {
      expect(row.actor_name).toBe('Olive');
      expect(row.actor_user_id).toBe(facilitator?.user_id ?? null);
    }
    expect(rows[1]?.details).toEqual({ stepId: hiddenStage.id, visibility: 'hidden' });
    expect(rows[3]?.details).toEqual({ stepId: hiddenStage.id, count: 2 });
    expect(rows[4]?.details).toEqual({ participantName: 'Bertrand', role: 'co-facilitator' });
    expect(rows[5]?.details).toEqual({ participantName: 'Delphine' });

    // Nothing in the whole audit table ties the anonymous notes to anyone or repeats them.
    const everything = JSON.stringify(await query(sql`select * from audit_events`));
    const ownerHashes = [secret, secondSecret].map((s) =>
      createHash('sha256').update(`reflectory-note:${s}`).digest('hex'),
    );
    for (const forbidden of [
      'Annwyn',
      ann.id,
      hiddenNote.noteId,
      releasedNote.noteId,
      'ANON-AUDIT-MARKER',
      'Named thought',
      secret,
      secondSecret,
      ...ownerHashes,
    ]) {
      expect(everything).not.toContain(forbidden);
    }
  });
}

describeOnEachDatabase('audit log', auditSuite);
