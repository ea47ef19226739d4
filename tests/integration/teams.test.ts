import { createHash } from 'node:crypto';
import type { Database } from '@reflectory/server';
import {
  auditPageSchema,
  inviteAcceptedSchema,
  inviteCreatedSchema,
  inviteListSchema,
  inviteLookupSchema,
  membershipSchema,
  teamListSchema,
  teamPageSchema,
  type TeamPage,
} from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { CookieBrowser, signUp } from '../support/team-client.ts';

type Person = Awaited<ReturnType<typeof signUp>>;

function teamsSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  let olive: Person; // owner
  let fran: Person; // facilitator
  let mo: Person; // member
  let nia: Person; // signed in, not in the team
  let guest: CookieBrowser; // not signed in
  let teamId: string;
  let facilitatorLink: string;
  let memberLink: string;

  const rows = async (query: ReturnType<typeof sql>) =>
    (await database.db.execute(query)) as unknown as
      Array<Record<string, unknown>> | { rows: Array<Record<string, unknown>> };
  const list = async (query: ReturnType<typeof sql>) => {
    const result = await rows(query);
    return Array.isArray(result) ? result : result.rows;
  };
  const page = async (who: CookieBrowser) => {
    const answer = await who.request('GET', `/api/teams/${teamId}`);
    expect(answer.status).toBe(200);
    return teamPageSchema.parse(answer.body);
  };
  const tokenOf = (link: string) => link.replace('/invite/', '');

  beforeAll(async () => {
    database = await open();
    server = await startApp({ database });
    [olive, fran, mo, nia] = (await Promise.all(
      ['Olive', 'Fran', 'Mo', 'Nia'].map((name) => signUp(server.baseUrl, name)),
    )) as [Person, Person, Person, Person];
    guest = new CookieBrowser(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  it('a signed-in person creates a team and becomes its owner; guests cannot', async () => {
    const created = await olive.request('POST', '/api/teams', { name: '  Ward 7   team ' });
    expect(created.status).toBe(201);
    const [team] = teamListSchema.parse(created.body).teams;
    expect(team).toMatchObject({ name: 'Ward 7 team', role: 'owner', retentionDays: 30 });
    teamId = team?.id ?? '';

    const mine = teamListSchema.parse((await olive.request('GET', '/api/teams')).body);
    expect(mine.teams).toEqual([team]);
    expect(teamListSchema.parse((await nia.request('GET', '/api/teams')).body).teams).toEqual([]);

    expect((await guest.request('POST', '/api/teams', { name: 'Nope' })).status).toBe(401);
    expect((await guest.request('GET', '/api/teams')).status).toBe(401);
    expect((await olive.request('POST', '/api/teams', { name: '   ' })).status).toBe(400);
    expect((await olive.request('POST', '/api/teams', { name: 'x'.repeat(81) })).status).toBe(400);
  });

  it('a state-changing team request from another site is refused', async () => {
    const foreign = await olive.request(
      'POST',
      '/api/teams',
      { name: 'Cross-site' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(
      (
        await olive.request(
          'PATCH',
          `/api/teams/${teamId}`,
          { name: 'Hijacked' },
          {
            origin: 'https://evil.example',
          },
        )
      ).status,
    ).toBe(403);
  });

  it('[TM1] an owner makes invitation links; the link is shown once and only its hash is kept', async () => {
    const made = await olive.request('POST', `/api/teams/${teamId}/invites`, {
      role: 'facilitator',
      expiresInDays: 3,
    });
    expect(made.status).toBe(201);
    const created = inviteCreatedSchema.parse(made.body);
    expect(created.link).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    facilitatorLink = created.link;
    const days =
      (Date.parse(created.invite.expiresAt) - Date.parse(created.invite.createdAt)) / 864e5;
    expect(days).toBe(3);

    const defaulted = await olive.request('POST', `/api/teams/${teamId}/invites`, {
      role: 'member',
    });
    expect(defaulted.status).toBe(201);
    const memberInvite = inviteCreatedSchema.parse(defaulted.body);
    memberLink = memberInvite.link;
    expect(
      (Date.parse(memberInvite.invite.expiresAt) - Date.parse(memberInvite.invite.createdAt)) /
        864e5,
    ).toBe(7);

    const listed = await olive.request('GET', `/api/teams/${teamId}/invites`);
    expect(listed.status).toBe(200);
    const invites = inviteListSchema.parse(listed.body).invites;
    expect(invites.map((invite) => invite.role).sort()).toEqual(['facilitator', 'member']);
    expect(JSON.stringify(listed.body)).not.toContain(tokenOf(facilitatorLink));

    const stored = await list(sql`select token_hash from team_invites where team_id = ${teamId}`);
    const hash = createHash('sha256').update(tokenOf(facilitatorLink)).digest('hex');
    expect(stored.map((row) => row.token_hash)).toContain(hash);
    const everything = JSON.stringify(await list(sql`select * from team_invites`));
    expect(everything).not.toContain(tokenOf(facilitatorLink));

    for (const body of [
      { role: 'owner' },
      { role: 'member', expiresInDays: 0 },
      { role: 'member', expiresInDays: 31 },
      { role: 'member', expiresInDays: 1.5 },
    ]) {
      const refused = await olive.request('POST', `/api/teams/${teamId}/invites`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('[TM8] a link names its team and role; accepting adds the member, and accepting again changes nothing', async () => {
    const lookup = await guest.request('GET', `/api/invites/${tokenOf(facilitatorLink)}`);
    expect(lookup.status).toBe(200);
    expect(inviteLookupSchema.parse(lookup.body)).toMatchObject({
      team: { id: teamId, name: 'Ward 7 team' },
      role: 'facilitator',
    });

    // Accepting needs an account.
    expect(
      (await guest.request('POST', `/api/invites/${tokenOf(facilitatorLink)}/accept`)).status,
    ).toBe(401);

    const accepted = await fran.request('POST', `/api/invites/${tokenOf(facilitatorLink)}/accept`);
    expect(accepted.status).toBe(200);
    expect(inviteAcceptedSchema.parse(accepted.body)).toEqual({
      team: { id: teamId, name: 'Ward 7 team' },
      role: 'facilitator',
      joined: true,
    });
    const again = await fran.request('POST', `/api/invites/${tokenOf(facilitatorLink)}/accept`);
    expect(inviteAcceptedSchema.parse(again.body)).toMatchObject({
      role: 'facilitator',
      joined: false,
    });
    const viaMemberLink = await fran.request('POST', `/api/invites/${tokenOf(memberLink)}/accept`);
    expect(inviteAcceptedSchema.parse(viaMemberLink.body)).toMatchObject({
      role: 'facilitator',
      joined: false,
    });
    const ownerViaLink = await olive.request('POST', `/api/invites/${tokenOf(memberLink)}/accept`);
    expect(inviteAcceptedSchema.parse(ownerViaLink.body)).toMatchObject({
      role: 'owner',
      joined: false,
    });
    expect(
      inviteLookupSchema.parse(
        (await olive.request('GET', `/api/invites/${tokenOf(memberLink)}`)).body,
      ).yourRole,
    ).toBe('owner');

    const joined = await mo.request('POST', `/api/invites/${tokenOf(memberLink)}/accept`);
    expect(inviteAcceptedSchema.parse(joined.body)).toMatchObject({ role: 'member', joined: true });

    const members = (await page(olive)).members.map((member) => [member.displayName, member.role]);
    expect(members).toEqual([
      ['Olive', 'owner'],
      ['Fran', 'facilitator'],
      ['Mo', 'member'],
    ]);
    const counted = await list(
      sql`select count(*)::int as n from team_members where team_id = ${teamId}`,
    );
    expect(Number(counted[0]?.n)).toBe(3);
  });

  it('[TM5] every member sees the team page; emails only for owners; others get 404, guests 401', async () => {
    for (const person of [olive, fran, mo]) {
      const seen = await page(person);
      expect(seen.team.name).toBe('Ward 7 team');
      const withEmail = seen.members.filter((member) => member.email !== undefined);
      expect(withEmail.length, person.displayName).toBe(person === olive ? 3 : 0);
    }
    expect((await page(fran)).you).toEqual({ userId: fran.userId, role: 'facilitator' });

    const outsider = await nia.request('GET', `/api/teams/${teamId}`);
    const unknown = await nia.request('GET', `/api/teams/${crypto.randomUUID()}`);
    const malformed = await nia.request('GET', '/api/teams/not-a-uuid');
    expect([outsider.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    expect(outsider.body).toEqual(unknown.body);
    expect(outsider.body).toEqual(malformed.body);
    expect((await guest.request('GET', `/api/teams/${teamId}`)).status).toBe(401);
  });

  it('[TM1] only owners manage members and invitations (others’ roles, removals, invites)', async () => {
    const inviteId = inviteListSchema.parse(
      (await olive.request('GET', `/api/teams/${teamId}/invites`)).body,
    ).invites[0]?.id;
    const attempts: Array<[string, string, unknown?]> = [
      ['PATCH', `/api/teams/${teamId}/members/${olive.userId}`, { role: 'member' }],
      ['PATCH', `/api/teams/${teamId}/members/${fran.userId}`, { role: 'member' }],
      ['DELETE', `/api/teams/${teamId}/members/${olive.userId}`],
      ['POST', `/api/teams/${teamId}/invites`, { role: 'member' }],
      ['GET', `/api/teams/${teamId}/invites`],
      ['DELETE', `/api/teams/${teamId}/invites/${inviteId}`],
    ];
    for (const [method, path, body] of attempts) {
      for (const [who, status] of [
        [fran, 403],
        [mo, 403],
        [nia, 404],
        [guest, 401],
      ] as const) {
        const answer = await who.request(method, path, body);
        expect(
          answer.status,
          `${method} ${path} as ${'displayName' in who ? who.displayName : 'guest'}`,
        ).toBe(status);
      }
    }
    // A member cannot promote themselves either.
    const self = await mo.request('PATCH', `/api/teams/${teamId}/members/${mo.userId}`, {
      role: 'owner',
    });
    expect(self.status).toBe(403);
    expect((await page(olive)).members.find((m) => m.userId === mo.userId)?.role).toBe('member');
  });

  it('[TM2] only owners rename the team and change its retention', async () => {
    for (const [who, status] of [
      [fran, 403],
      [mo, 403],
      [nia, 404],
      [guest, 401],
    ] as const) {
      expect((await who.request('PATCH', `/api/teams/${teamId}`, { name: 'Taken' })).status).toBe(
        status,
      );
    }
    for (const body of [
      {},
      { retentionDays: -1 },
      { retentionDays: 3651 },
      { retentionDays: 2.5 },
    ]) {
      expect(
        (await olive.request('PATCH', `/api/teams/${teamId}`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    const renamed = await olive.request('PATCH', `/api/teams/${teamId}`, {
      name: 'Ward 7',
      retentionDays: 14,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Ward 7', retentionDays: 14, role: 'owner' });
    expect((await page(mo)).team).toMatchObject({ name: 'Ward 7', retentionDays: 14 });
    expect(
      (await olive.request('PATCH', `/api/teams/${teamId}`, { retentionDays: 0 })).status,
    ).toBe(200);
    expect(
      (await olive.request('PATCH', `/api/teams/${teamId}`, { retentionDays: 30 })).status,
    ).toBe(200);
  });

  it('[TM3] only facilitators and owners start the team’s sessions', async () => {
    const body = { title: 'Monday supervision', modelId: 'gibbs' };
    for (const [who, status] of [
      [mo, 403],
      [nia, 404],
      [guest, 401],
    ] as const) {
      expect((await who.request('POST', `/api/teams/${teamId}/sessions`, body)).status).toBe(
        status,
      );
    }
    const byFran = await fran.request('POST', `/api/teams/${teamId}/sessions`, {
      ...body,
      scheduledFor: '2030-05-06T09:30:00+01:00',
    });
    expect(byFran.status).toBe(201);
    const membership = membershipSchema.parse(byFran.body);
    expect(membership.you).toMatchObject({ displayName: 'Fran', role: 'facilitator' });
    expect(membership.session.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    // The facilitator's browser is in the session, as with POST /api/sessions.
    expect((await fran.request('GET', `/api/sessions/${membership.session.id}`)).status).toBe(200);

    const [row] = await list(
      sql`select team_id, created_by, scheduled_for from sessions where id = ${membership.session.id}`,
    );
    expect(row?.team_id).toBe(teamId);
    expect(row?.created_by).toBe(fran.userId);
    expect(new Date(String(row?.scheduled_for)).toISOString()).toBe('2030-05-06T08:30:00.000Z');

    const byOlive = await olive.request('POST', `/api/teams/${teamId}/sessions`, {
      title: 'Retro',
      facilitatorName: 'Olive F.',
    });
    expect(byOlive.status).toBe(201);
    expect(membershipSchema.parse(byOlive.body).you.displayName).toBe('Olive F.');

    for (const bad of [
      { title: '' },
      { title: 'x', scheduledFor: 'tomorrow' },
      { title: 'x', modelId: 'no-such-model' },
    ]) {
      const refused = await olive.request('POST', `/api/teams/${teamId}/sessions`, bad);
      expect([400, 404], JSON.stringify(bad)).toContain(refused.status);
    }
  });

  it('the team page lists upcoming and past sessions with when their notes go, and open actions with history', async () => {
    const before = await page(mo);
    const retro = before.sessions.upcoming.find((session) => session.title === 'Retro');
    const monday = before.sessions.upcoming.find((s) => s.title === 'Monday supervision');
    expect(retro && monday).toBeTruthy();
    // Scheduled in 2030: after the unscheduled one, which counts from its creation.
    expect(before.sessions.upcoming.map((s) => s.title)).toEqual(['Retro', 'Monday supervision']);
    expect(monday).toMatchObject({
      modelName: expect.stringContaining('Gibbs'),
      scheduledFor: '2030-05-06T08:30:00.000Z',
      closedAt: null,
      notesDeleteAt: null,
      purgedAt: null,
    });
    expect(retro?.joinCode).toMatch(/^[A-Z2-9]{6}$/);

    // Close the retro ten days ago; the team keeps notes 30 days after close.
    const closedAt = new Date(Date.now() - 10 * 864e5);
    await database.db.execute(
      sql`update sessions set closed_at = ${closedAt.toISOString()} where id = ${retro?.id ?? ''}`,
    );
    const actionId = crypto.randomUUID();
    await database.db.execute(
      sql`insert into team_actions (id, team_id, session_id, text, owner_name, due, status, created_at, updated_at)
          values (${actionId}, ${teamId}, ${retro?.id ?? ''}, 'Ask for a handover checklist', 'Mo', '2030-01-31', 'open', now(), now())`,
    );
    await database.db.execute(
      sql`insert into team_action_updates (action_id, session_id, outcome, note, at)
          values (${actionId}, ${retro?.id ?? ''}, 'created', null, now()),
                 (${actionId}, ${monday?.id ?? ''}, 'carried', 'Drafted, not yet tried', now())`,
    );

    const after: TeamPage = await page(mo);
    const past = after.sessions.past[0];
    expect(past?.title).toBe('Retro');
    expect(past?.joinCode).toBeUndefined();
    expect(past?.closedAt).toBe(closedAt.toISOString());
    expect(past?.notesDeleteAt).toBe(new Date(closedAt.getTime() + 30 * 864e5).toISOString());
    expect(after.sessions.upcoming.map((s) => s.title)).toEqual(['Monday supervision']);

    expect(after.actions).toHaveLength(1);
    expect(after.actions[0]).toMatchObject({
      text: 'Ask for a handover checklist',
      ownerName: 'Mo',
      due: '2030-01-31',
      history: [
        { outcome: 'created', sessionTitle: 'Retro', note: null },
        { outcome: 'carried', sessionTitle: 'Monday supervision', note: 'Drafted, not yet tried' },
      ],
    });

    await olive.request('PATCH', `/api/teams/${teamId}`, { retentionDays: 0 });
    expect((await page(mo)).sessions.past[0]?.notesDeleteAt).toBe(closedAt.toISOString());
    await olive.request('PATCH', `/api/teams/${teamId}`, { retentionDays: 30 });
  });

  it('[TM4] only owners read the audit log, newest first, 50 a page', async () => {
    for (const [who, status] of [
      [fran, 403],
      [mo, 403],
      [nia, 404],
      [guest, 401],
    ] as const) {
      expect((await who.request('GET', `/api/teams/${teamId}/audit`)).status).toBe(status);
    }
    for (let index = 0; index < 60; index += 1) {
      await database.db.execute(
        sql`insert into audit_events (team_id, actor_name, action, details, at)
            values (${teamId}, 'Test', 'test.filler', ${JSON.stringify({ index })}::jsonb, now())`,
      );
    }
    const first = auditPageSchema.parse(
      (await olive.request('GET', `/api/teams/${teamId}/audit`)).body,
    );
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]?.details).toEqual({ index: 59 });
    const ids = first.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first.nextBefore).toBe(ids.at(-1));
    const second = auditPageSchema.parse(
      (await olive.request('GET', `/api/teams/${teamId}/audit?before=${first.nextBefore}`)).body,
    );
    expect(second.entries.length).toBeGreaterThan(0);
    expect(second.entries.every((entry) => entry.id < (first.nextBefore ?? 0))).toBe(true);
    expect(second.entries.at(-1)?.action).toBe('team.created');
    expect(second.nextBefore).toBeNull();
    expect((await olive.request('GET', `/api/teams/${teamId}/audit?before=abc`)).status).toBe(400);
  });

  it('[TM9] an expired or revoked link admits nobody; expired says so', async () => {
    const made = inviteCreatedSchema.parse(
      (await olive.request('POST', `/api/teams/${teamId}/invites`, { role: 'member' })).body,
    );
    await database.db.execute(
      sql`update team_invites set expires_at = now() - interval '1 minute' where id = ${made.invite.id}`,
    );
    const expired = await nia.request<{ error: { message: string } }>(
      'GET',
      `/api/invites/${tokenOf(made.link)}`,
    );
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await nia.request('POST', `/api/invites/${tokenOf(made.link)}/accept`)).status).toBe(
      404,
    );
    const listed = inviteListSchema.parse(
      (await olive.request('GET', `/api/teams/${teamId}/invites`)).body,
    );
    expect(listed.invites.map((invite) => invite.id)).not.toContain(made.invite.id);

    const revocable = inviteCreatedSchema.parse(
      (await olive.request('POST', `/api/teams/${teamId}/invites`, { role: 'member' })).body,
    );
    const revoke = await olive.request(
      'DELETE',
      `/api/teams/${teamId}/invites/${revocable.invite.id}`,
    );
    expect(revoke.status).toBe(204);
    expect(
      (await olive.request('DELETE', `/api/teams/${teamId}/invites/${revocable.invite.id}`)).status,
    ).toBe(404);
    const revoked = await nia.request('GET', `/api/invites/${tokenOf(revocable.link)}`);
    const unknown = await nia.request('GET', `/api/invites/${'A'.repeat(43)}`);
    expect([revoked.status, unknown.status]).toEqual([404, 404]);
    expect(revoked.body).toEqual(unknown.body);
    expect(
      (await nia.request('POST', `/api/invites/${tokenOf(revocable.link)}/accept`)).status,
    ).toBe(404);
    expect((await nia.request('GET', '/api/invites/short')).status).toBe(404);
    expect(teamListSchema.parse((await nia.request('GET', '/api/teams')).body).teams).toEqual([]);
  });

  it('[TM6] the last owner can be neither demoted nor removed, nor leave', async () => {
    const demote = await olive.request<{ error: { message: string } }>(
      'PATCH',
      `/api/teams/${teamId}/members/${olive.userId}`,
      { role: 'member' },
    );
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/only owner/);
    const leave = await olive.request('DELETE', `/api/teams/${teamId}/members/${olive.userId}`);
    expect(leave.status).toBe(409);

    // With Fran as a second owner, Olive may step down; then Fran is the last owner.
    expect(
      (
        await olive.request('PATCH', `/api/teams/${teamId}/members/${fran.userId}`, {
          role: 'owner',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await fran.request('PATCH', `/api/teams/${teamId}/members/${olive.userId}`, {
          role: 'facilitator',
        })
      ).status,
    ).toBe(204);
    const franAlone = await fran.request('DELETE', `/api/teams/${teamId}/members/${fran.userId}`);
    expect(franAlone.status).toBe(409);
    // Two owners demoting each other at once still leave one owner.
    expect(
      (
        await fran.request('PATCH', `/api/teams/${teamId}/members/${olive.userId}`, {
          role: 'owner',
        })
      ).status,
    ).toBe(204);
    const both = await Promise.all([
      olive.request('PATCH', `/api/teams/${teamId}/members/${fran.userId}`, { role: 'member' }),
      fran.request('PATCH', `/api/teams/${teamId}/members/${olive.userId}`, { role: 'member' }),
    ]);
    // The second finds itself no longer an owner (403) or the other the last owner (409).
    const statuses = both.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(204);
    expect([403, 409]).toContain(statuses[1]);
    const owners = (await page(mo)).members.filter((member) => member.role === 'owner');
    expect(owners).toHaveLength(1);
    // Put Olive back as the one owner, Fran as facilitator.
    const owner = owners[0]?.userId === olive.userId ? olive : fran;
    await owner.request('PATCH', `/api/teams/${teamId}/members/${olive.userId}`, { role: 'owner' });
    await olive.request('PATCH', `/api/teams/${teamId}/members/${fran.userId}`, {
      role: 'facilitator',
    });
    expect((await page(olive)).members.map((m) => m.role)).toEqual([
      'owner',
      'facilitator',
      'member',
    ]);
  });

  it('[TM7] a member may leave; an owner removes a member; neither can then see the team', async () => {
    expect((await mo.request('DELETE', `/api/teams/${teamId}/members/${mo.userId}`)).status).toBe(
      204,
    );
    expect((await mo.request('GET', `/api/teams/${teamId}`)).status).toBe(404);
    expect(
      (await olive.request('DELETE', `/api/teams/${teamId}/members/${mo.userId}`)).status,
    ).toBe(404);

    expect(
      (await olive.request('DELETE', `/api/teams/${teamId}/members/${fran.userId}`)).status,
    ).toBe(204);
    expect((await fran.request('GET', `/api/teams/${teamId}`)).status).toBe(404);
    expect(
      (await fran.request('POST', `/api/teams/${teamId}/sessions`, { title: 'x' })).status,
    ).toBe(404);
    expect((await page(olive)).members.map((m) => m.displayName)).toEqual(['Olive']);
  });
}

describeOnEachDatabase('teams', teamsSuite);
