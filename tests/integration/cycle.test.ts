import { randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import type { BoardView, Membership } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/**
 * A browser that keeps every cookie it is given (the sign-in and the device), as a real one does;
 * `TestBrowser` alone keeps only the latest.
 */
class SignedInBrowser {
  readonly browser: TestBrowser;
  private readonly jar = new Map<string, string>();

  constructor(baseUrl: string) {
    this.browser = new TestBrowser(baseUrl);
  }

  async request<T>(method: string, path: string, body?: unknown) {
    this.browser.cookie = this.header();
    const response = await this.browser.request<T>(method, path, body);
    const latest = this.browser.cookie;
    if (latest) {
      const at = latest.indexOf('=');
      this.jar.set(latest.slice(0, at), latest.slice(at + 1));
    }
    this.browser.cookie = this.header();
    return response;
  }

  connect(sessionId: string): LiveConnection {
    this.browser.cookie = this.header();
    return this.browser.connect(sessionId);
  }

  private header(): string | undefined {
    return this.jar.size === 0
      ? undefined
      : [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

interface ActionRow {
  id: string;
  text: string;
  owner_name: string | null;
  owner_user_id: string | null;
  due: string | null;
  status: string;
  session_id: string | null;
}

interface UpdateRow {
  action_id: string;
  session_id: string | null;
  outcome: string;
  note: string | null;
}

function cycleSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const connections: LiveConnection[] = [];

  beforeAll(async () => {
    database = await open();
    server = await startApp({ database });
  });
  afterEach(() => {
    for (const connection of connections.splice(0)) connection.close();
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await dispose();
  });

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  }

  /** Fay signs up; her team is made with her as its owner, in the store. */
  async function teamWithOwner() {
    const fay = new SignedInBrowser(server.baseUrl);
    const signedUp = await fay.request<{ user: { id: string } }>('POST', '/api/auth/signup', {
      email: `fay-${randomUUID()}@example.org`,
      password: 'a long enough password',
      displayName: 'Fay',
    });
    expect(signedUp.status).toBe(201);
    const userId = signedUp.body.user.id;
    const teamId = randomUUID();
    await database.db.execute(
      sql`insert into teams (id, name) values (${teamId}, ${'Ward 7 supervision group'})`,
    );
    await database.db.execute(
      sql`insert into team_members (team_id, user_id, role) values (${teamId}, ${userId}, 'owner')`,
    );
    return { fay, teamId, userId };
  }

  async function startTeamSession(fay: SignedInBrowser, teamId: string, title: string) {
    const created = await fay.request<Membership & { session: { joinCode: string } }>(
      'POST',
      `/api/teams/${teamId}/sessions`,
      { title, facilitatorName: 'Fay' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const sessionId = created.body.session.id;
    const live = fay.connect(sessionId);
    connections.push(live);
    await live.waitUntilSynced();
    await live.waitForBoard((board) => board.steps.length > 0);
    return { sessionId, joinCode: created.body.session.joinCode, fay: live };
  }

  async function join(joinCode: string, sessionId: string, name: string) {
    const browser = new TestBrowser(server.baseUrl);
    const membership = await browser.join(joinCode, name);
    const live = browser.connect(sessionId);
    connections.push(live);
    await live.waitUntilSynced();
    return { id: membership.you.id, live };
  }

  const titles = (board: BoardView) => board.previousActions.map((action) => action.text);

  it('a team’s actions come back at its next sessions until done or dropped, with their history', async () => {
    const { fay: fayBrowser, teamId, userId } = await teamWithOwner();

    // Session 1 agrees three actions (one changed, one taken back again) and closes.
    const first = await startTeamSession(fayBrowser, teamId, 'January supervision');
    expect(first.fay.board().steps.map((step) => step.id)).not.toContain('previous-actions');
    expect(first.fay.board().previousActions).toEqual([]);
    const ann = await join(first.joinCode, first.sessionId, 'Ann');
    await first.fay.goTo('actions');
    const room = ok(
      await first.fay.command('action:add', {
        text: 'Ask for a quiet room for handovers',
        owner: { kind: 'participant', participantId: ann.id },
        due: '2027-02-01',
      }),
    );
    const sheet = ok(
      await first.fay.command('action:add', {
        text: 'Try a written handover sheet',
        owner: { kind: 'team', participantId: null },
        due: null,
      }),
    );
    ok(
      await first.fay.command('action:edit', {
        actionId: sheet.actionId,
        text: 'Try a one-page handover sheet',
        owner: { kind: 'team', participantId: null },
        due: '2027-02-15',
      }),
    );
    const fayParticipant = first.fay.privateView?.participantId ?? '';
    const takenBack = ok(
      await first.fay.command('action:add', {
        text: 'Write to the manager',
        owner: { kind: 'participant', participantId: fayParticipant },
        due: null,
      }),
    );
    const mine = await rows<ActionRow>(
      sql`select * from team_actions where id = ${takenBack.actionId}`,
    );
    // Fay was signed in: the action she took on is linked to her account.
    expect(mine[0]?.owner_user_id).toBe(userId);
    ok(await first.fay.command('action:remove', { actionId: takenBack.actionId }));
    ok(await first.fay.command('session:close', {}));

    const afterFirst = await rows<ActionRow>(
      sql`select * from team_actions where team_id = ${teamId} order by created_at, id`,
    );
    expect(
      afterFirst.map((row) => [row.id, row.text, row.owner_name, row.due, row.status]),
    ).toEqual([
      [room.actionId, 'Ask for a quiet room for handovers', 'Ann', '2027-02-01', 'open'],
      [sheet.actionId, 'Try a one-page handover sheet', null, '2027-02-15', 'open'],
    ]);
    expect(afterFirst.every((row) => row.session_id === first.sessionId)).toBe(true);

    // Session 2 opens with the previous-actions step listing both, with owners and history.
    const second = await startTeamSession(fayBrowser, teamId, 'February supervision');
    const opening = second.fay.board();
    expect(opening.steps.map((step) => step.id).slice(0, 3)).toEqual([
      'lobby',
      'previous-actions',
      'check-in',
    ]);
    expect(opening.steps[1]).toMatchObject({ kind: 'previousActions', title: 'Previous actions' });
    expect(opening.previousActions).toEqual([
      {
        id: room.actionId,
        text: 'Ask for a quiet room for handovers',
        ownerName: 'Ann',
        due: '2027-02-01',
        fromSessionTitle: 'January supervision',
        history: [
          {
            sessionTitle: 'January supervision',
            outcome: 'created',
            note: null,
            at: expect.any(Number),
          },
        ],
        order: 0,
        decision: null,
      },
      {
        id: sheet.actionId,
        text: 'Try a one-page handover sheet',
        ownerName: null,
        due: '2027-02-15',
        fromSessionTitle: 'January supervision',
        history: [
          {
            sessionTitle: 'January supervision',
            outcome: 'created',
            note: null,
            at: expect.any(Number),
          },
        ],
        order: 1,
        decision: null,
      },
    ]);
    const ben = await join(second.joinCode, second.sessionId, 'Ben');
    await second.fay.goTo('previous-actions');
    await ben.live.accept();

    // A participant may not decide; an action that is not this session's is unknown.
    const refused = await ben.live.command('previous:review', {
      actionId: room.actionId,
      outcome: 'dropped',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await second.fay.command('previous:review', { actionId: randomUUID(), outcome: 'done' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Carrying on needs a note.
    expect(
      await second.fay.command('previous:review', { actionId: sheet.actionId, outcome: 'carried' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    ok(
      await second.fay.command('previous:review', {
        actionId: room.actionId,
        outcome: 'carried',
        note: 'Changed my mind',
      }),
    );
    // A decision can be changed while the session is open.
    ok(await second.fay.command('previous:review', { actionId: room.actionId, outcome: 'done' }));
    ok(
      await second.fay.command('previous:review', {
        actionId: sheet.actionId,
        outcome: 'carried',
        note: '  Tried it twice; people forgot to fill it in on night shifts.  ',
      }),
    );
    const seenByBen = await ben.live.waitForBoard((board) =>
      board.previousActions.every((action) => action.decision !== null),
    );
    expect(seenByBen.previousActions.map((action) => action.decision)).toEqual([
      { outcome: 'done', note: null },
      {
        outcome: 'carried',
        note: 'Tried it twice; people forgot to fill it in on night shifts.',
      },
    ]);
    ok(await second.fay.command('session:close', {}));

    const afterSecond = await rows<ActionRow>(
      sql`select * from team_actions where team_id = ${teamId} order by created_at, id`,
    );
    expect(afterSecond.map((row) => [row.id, row.status])).toEqual([
      [room.actionId, 'done'],
      [sheet.actionId, 'open'],
    ]);
    const history = await rows<UpdateRow>(
      sql`select u.action_id, u.session_id, u.outcome, u.note from team_action_updates u
          join team_actions a on a.id = u.action_id
          where a.team_id = ${teamId} order by u.id`,
    );
    // The changed decision replaced the first one: one entry per action and session.
    expect(history.map((row) => [row.action_id, row.session_id, row.outcome, row.note])).toEqual([
      [room.actionId, first.sessionId, 'created', null],
      [sheet.actionId, first.sessionId, 'created', null],
      [room.actionId, second.sessionId, 'done', null],
      [
        sheet.actionId,
        second.sessionId,
        'carried',
        'Tried it twice; people forgot to fill it in on night shifts.',
      ],
    ]);

    // Session 3 reviews only the carried action, with its history across both sessions.
    const third = await startTeamSession(fayBrowser, teamId, 'March supervision');
    const board = third.fay.board();
    expect(titles(board)).toEqual(['Try a one-page handover sheet']);
    expect(board.previousActions[0]?.history).toEqual([
      {
        sessionTitle: 'January supervision',
        outcome: 'created',
        note: null,
        at: expect.any(Number),
      },
      {
        sessionTitle: 'February supervision',
        outcome: 'carried',
        note: 'Tried it twice; people forgot to fill it in on night shifts.',
        at: expect.any(Number),
      },
    ]);
    expect(board.previousActions[0]?.decision).toBeNull();

    // The snapshot is stored with the session, like its model, and the room is loaded from it.
    const stored = await rows<{ previous_actions: unknown }>(
      sql`select previous_actions from sessions where id = ${third.sessionId}`,
    );
    const snapshot = stored[0]?.previous_actions;
    const parsed = (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as Array<{
      id: string;
    }>;
    expect(parsed.map((action) => action.id)).toEqual([sheet.actionId]);
    ok(
      await third.fay.command('previous:review', {
        actionId: sheet.actionId,
        outcome: 'dropped',
        note: 'The new rota makes it unnecessary',
      }),
    );
    const [dropped] = await rows<ActionRow>(
      sql`select * from team_actions where id = ${sheet.actionId}`,
    );
    expect(dropped?.status).toBe('dropped');

    // Nothing is left open, so the next session has no previous-actions step at all.
    const fourth = await startTeamSession(fayBrowser, teamId, 'April supervision');
    expect(fourth.fay.board().steps.map((step) => step.id)).not.toContain('previous-actions');
    expect(fourth.fay.board().previousActions).toEqual([]);
  });

  it('a standalone session has no previous actions and cannot review any', async () => {
    const browser = new TestBrowser(server.baseUrl);
    const membership = await browser.createSession('Drop-in reflection', 'Fay');
    const fay = browser.connect(membership.session.id);
    connections.push(fay);
    await fay.waitUntilSynced();
    const board = await fay.waitForBoard((view) => view.steps.length > 0);
    expect(board.steps.map((step) => step.id)).not.toContain('previous-actions');
    expect(
      await fay.command('previous:review', { actionId: randomUUID(), outcome: 'done' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
}

describeOnEachDatabase('the reflective cycle across a team’s sessions', cycleSuite);
