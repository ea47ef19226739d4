import { randomBytes } from 'node:crypto';
import type { Database } from '@reflectory/server';
import type { AuditPage, Membership, ReflectionSummary, TeamPage } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';
import { TestBrowser, type LiveConnection } from '../support/live-client.ts';
import { CookieBrowser, signUp } from '../support/team-client.ts';
import {
  countPostingOrder,
  postAnonymousRound,
  randomOrder,
  type Poster,
  type Round,
} from './support/anonymous-rounds.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok } from './support/board-setup.ts';
import { Closer, boardAs, boardUrl, castSession, spyAs } from './support/cast.ts';
import { dumpEveryTable, query, rowText } from './support/db-forensics.ts';
import { handshakeStatus, pause } from './support/raw-doc-socket.ts';
import { SpySocket } from './support/spy-socket.ts';

type Person = Awaited<ReturnType<typeof signUp>>;
const password = 'correct horse battery';

/**
 * Accounts, teams, invitations, exports, audit and retention, attacked from outside and from
 * inside a team: a stranger with a team of her own acting on another team's ids, members and
 * facilitators reaching for owners' powers, a signed-in participant reaching for another session,
 * and a reader of the database and the logs looking for invitation links, anonymous authors,
 * hidden notes and note text that retention or account deletion should have removed.
 */
describe('adversarial: accounts, teams, exports and retention', () => {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  const report = new AttackReport('accounts, teams, exports and retention');
  const closer = new Closer();
  // Sign-ups are rate-limited per address, so the cast signs up once.
  let olga: Person;
  let fred: Person;
  let mia: Person;
  let mallory: Person;
  let ann: Person;
  let lou: Person;

  beforeAll(async () => {
    database = await openMigratedPglite();
    server = await startApp({
      database,
      logLevel: 'info',
      logStream: logs,
      rooms: { releaseMinMs: 150, releaseJitterMs: 50, sweepMs: 60_000, minBatch: 1 },
      retention: { intervalMs: 3_600_000 },
    });
    olga = await signUp(server.baseUrl, 'Olga Owner');
    fred = await signUp(server.baseUrl, 'Fred Facilitator');
    mia = await signUp(server.baseUrl, 'Mia Member');
    mallory = await signUp(server.baseUrl, 'Mallory');
    ann = await signUp(server.baseUrl, 'Ann Author');
    lou = await signUp(server.baseUrl, 'Lou Alone');
  });
  afterEach(() => closer.closeAll());
  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
  });

  // ── helpers ──────────────────────────────────────────────────────────────────────────────

  async function createTeam(owner: Person, name: string): Promise<string> {
    const created = await owner.request<{ teams: Array<{ id: string }> }>('POST', '/api/teams', {
      name,
    });
    expect(created.status).toBe(201);
    return created.body.teams[0]?.id ?? '';
  }

  async function invite(owner: Person, teamId: string, role: 'member' | 'facilitator') {
    const made = await owner.request<{ invite: { id: string }; link: string }>(
      'POST',
      `/api/teams/${teamId}/invites`,
      { role, expiresInDays: 7 },
    );
    expect(made.status).toBe(201);
    return { id: made.body.invite.id, token: made.body.link.split('/').at(-1) ?? '' };
  }

  async function addToTeam(
    owner: Person,
    teamId: string,
    person: Person,
    role: 'member' | 'facilitator',
  ) {
    const { token } = await invite(owner, teamId, role);
    expect((await person.request('POST', `/api/invites/${token}/accept`)).status).toBe(200);
  }

  async function startTeamSession(person: Person, teamId: string, title: string) {
    const created = await person.request<Membership>('POST', `/api/teams/${teamId}/sessions`, {
      title,
    });
    expect(created.status).toBe(201);
    return { sessionId: created.body.session.id, joinCode: created.body.session.joinCode ?? '' };
  }

  async function joinAs(browser: CookieBrowser | TestBrowser, joinCode: string, name: string) {
    const joined = await browser.request<Membership>('POST', '/api/join', {
      code: joinCode,
      displayName: name,
    });
    expect(joined.status).toBe(200);
    return joined.body.you.id;
  }

  function secret(): string {
    return randomBytes(32).toString('base64url');
  }

  /** Where in the database (any table, any column; binary as hex) each text still appears. */
  async function traces(texts: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const table of await dumpEveryTable(database)) {
      for (const row of table.rows) {
        const { __xmin: _xmin, ...columns } = row;
        const text = rowText(columns);
        for (const needle of texts) {
          const hex = Buffer.from(needle, 'utf8').toString('hex');
          if (text.includes(needle) || text.includes(hex))
            found.push(`${table.name} ∋ “${needle}”`);
        }
      }
    }
    return found;
  }

  async function fetchAs(cookie: string, path: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
    return { status: response.status, body: await response.text() };
  }

  const summaryPaths = (sessionId: string) => [
    `/api/sessions/${sessionId}/summary`,
    `/api/sessions/${sessionId}/summary.json`,
    `/api/sessions/${sessionId}/summary.md`,
    `/api/sessions/${sessionId}/summary.csv`,
  ];

  // ── invitation links ─────────────────────────────────────────────────────────────────────

  it('an invitation link is kept nowhere but in the link: not in the database, not in the logs', async () => {
    const teamId = await createTeam(olga, 'Ward 7');
    const used = await invite(olga, teamId, 'member');
    const revoked = await invite(olga, teamId, 'facilitator');

    // What a browser does with a link: opens the page, asks about it, accepts it.
    await mallory.request('GET', `/invite/${used.token}`).catch(() => undefined);
    expect((await mallory.request('GET', `/api/invites/${used.token}`)).status).toBe(200);
    expect((await mallory.request('POST', `/api/invites/${used.token}/accept`)).status).toBe(200);
    expect(
      (await olga.request('DELETE', `/api/teams/${teamId}/invites/${revoked.id}`)).status,
    ).toBe(204);
    const afterRevoke = await mallory.request('POST', `/api/invites/${revoked.token}/accept`);
    report.record(
      'Mallory (revoked link)',
      'accepts a facilitator link after the owner revoked it',
      `${afterRevoke.status}`,
      afterRevoke.status === 404,
    );

    const inDatabase = await traces([used.token, revoked.token]);
    report.record(
      'database reader',
      'looks for invitation tokens in every table',
      inDatabase.length === 0 ? 'none (hashes only)' : inDatabase.join('; '),
      inDatabase.length === 0,
    );
    const logText = logs.text();
    const inLogs = [used.token, revoked.token].filter((token) => logText.includes(token));
    report.record(
      'log reader',
      'looks for invitation tokens in the server log',
      inLogs.length === 0 ? 'none' : `${inLogs.length} of 2 tokens, e.g. in request URLs`,
      inLogs.length === 0,
    );
    expect(afterRevoke.status).toBe(404);
    expect(inDatabase).toEqual([]);
    expect(inLogs).toEqual([]);
  });

  // ── roles and IDOR ───────────────────────────────────────────────────────────────────────

  it('nobody acts on another team through a team of their own, nor beyond their role in their own', async () => {
    const teamA = await createTeam(olga, 'Ward 8');
    await addToTeam(olga, teamA, fred, 'facilitator');
    await addToTeam(olga, teamA, mia, 'member');
    const pending = await invite(olga, teamA, 'member');
    const session = await startTeamSession(fred, teamA, 'Ward 7 supervision');
    const teamM = await createTeam(mallory, 'Mallory’s own team');

    const attempts: Array<[Person, string, string, string, unknown, number[]]> = [
      // Mallory, through her own team, at team A's member, invite and session ids.
      [
        mallory,
        'sets Mia (team A) to owner via her own team',
        'PATCH',
        `/api/teams/${teamM}/members/${mia.userId}`,
        { role: 'owner' },
        [404],
      ],
      [
        mallory,
        'removes Mia (team A) via her own team',
        'DELETE',
        `/api/teams/${teamM}/members/${mia.userId}`,
        undefined,
        [404],
      ],
      [
        mallory,
        'revokes team A’s invite via her own team',
        'DELETE',
        `/api/teams/${teamM}/invites/${pending.id}`,
        undefined,
        [404],
      ],
      [mallory, 'reads team A’s page', 'GET', `/api/teams/${teamA}`, undefined, [404]],
      [mallory, 'reads team A’s audit log', 'GET', `/api/teams/${teamA}/audit`, undefined, [404]],
      [mallory, 'lists team A’s invites', 'GET', `/api/teams/${teamA}/invites`, undefined, [404]],
      [
        mallory,
        'makes an invite to team A',
        'POST',
        `/api/teams/${teamA}/invites`,
        { role: 'facilitator', expiresInDays: 7 },
        [404],
      ],
      [
        mallory,
        'starts a session of team A',
        'POST',
        `/api/teams/${teamA}/sessions`,
        { title: 'Mine now' },
        [404],
      ],
      [mallory, 'renames team A', 'PATCH', `/api/teams/${teamA}`, { name: 'Taken' }, [404]],
      [
        mallory,
        'sets her own role in team A',
        'PATCH',
        `/api/teams/${teamA}/members/${mallory.userId}`,
        { role: 'owner' },
        [404],
      ],
      ...summaryPaths(session.sessionId).map(
        (path): [Person, string, string, string, unknown, number[]] => [
          mallory,
          `reads ${path.split('/').at(-1)} of team A’s session`,
          'GET',
          path,
          undefined,
          [404],
        ],
      ),
      // Mia, a member: owners' and facilitators' powers.
      [
        mia,
        'promotes herself to owner',
        'PATCH',
        `/api/teams/${teamA}/members/${mia.userId}`,
        { role: 'owner' },
        [403],
      ],
      [
        mia,
        'removes Fred',
        'DELETE',
        `/api/teams/${teamA}/members/${fred.userId}`,
        undefined,
        [403],
      ],
      [
        mia,
        'makes an invite',
        'POST',
        `/api/teams/${teamA}/invites`,
        { role: 'member', expiresInDays: 7 },
        [403],
      ],
      [
        mia,
        'revokes the pending invite',
        'DELETE',
        `/api/teams/${teamA}/invites/${pending.id}`,
        undefined,
        [403],
      ],
      [
        mia,
        'starts a team session',
        'POST',
        `/api/teams/${teamA}/sessions`,
        { title: 'Mine' },
        [403],
      ],
      [mia, 'reads the audit log', 'GET', `/api/teams/${teamA}/audit`, undefined, [403]],
      [
        mia,
        'sets retention to ten years',
        'PATCH',
        `/api/teams/${teamA}`,
        { retentionDays: 3650 },
        [403],
      ],
      // Fred, a facilitator: owners' powers.
      [
        fred,
        'promotes himself to owner',
        'PATCH',
        `/api/teams/${teamA}/members/${fred.userId}`,
        { role: 'owner' },
        [403],
      ],
      [
        fred,
        'demotes Olga',
        'PATCH',
        `/api/teams/${teamA}/members/${olga.userId}`,
        { role: 'member' },
        [403],
      ],
      [
        fred,
        'makes an invite',
        'POST',
        `/api/teams/${teamA}/invites`,
        { role: 'facilitator', expiresInDays: 7 },
        [403],
      ],
      [fred, 'reads the audit log', 'GET', `/api/teams/${teamA}/audit`, undefined, [403]],
      [fred, 'changes retention', 'PATCH', `/api/teams/${teamA}`, { retentionDays: 0 }, [403]],
    ];
    const breaches: string[] = [];
    for (const [who, attempt, method, path, body, refused] of attempts) {
      const answer = await who.request(method, path, body);
      const held = report.record(
        who.displayName,
        attempt,
        `${answer.status}`,
        refused.includes(answer.status),
      );
      if (!held) breaches.push(`${who.displayName}: ${attempt} → ${answer.status}`);
    }

    // Nothing changed underneath.
    const page = await olga.request<TeamPage>('GET', `/api/teams/${teamA}`);
    const roles = Object.fromEntries(
      page.body.members.map((member) => [member.displayName, member.role]),
    );
    const invites = await olga.request<{ invites: Array<{ id: string }> }>(
      'GET',
      `/api/teams/${teamA}/invites`,
    );
    const unchanged =
      page.body.team.name === 'Ward 8' &&
      page.body.team.retentionDays === 30 &&
      JSON.stringify(roles) ===
        JSON.stringify({
          'Olga Owner': 'owner',
          'Fred Facilitator': 'facilitator',
          'Mia Member': 'member',
        }) &&
      invites.body.invites.some((entry) => entry.id === pending.id);
    report.record(
      '(afterwards)',
      'team A: name, retention, roles and pending invite',
      unchanged ? 'as they were' : JSON.stringify({ roles, team: page.body.team }),
      unchanged,
    );
    expect(breaches).toEqual([]);
    expect(unchanged).toBe(true);
  });

  // ── the sign-in cookie and sessions ──────────────────────────────────────────────────────

  it('a sign-in linked to a participant in one session gains nothing in another, nor after removal', async () => {
    const one = await castSession(server.baseUrl, 'Fay', ['Ben']);
    const other = await castSession(server.baseUrl, 'Gus', ['Hal']);
    const annId = await joinAs(ann, one.joinCode, 'Ann Author');
    const signInOnly = `rf_session=${ann.cookieValue('rf_session') ?? ''}`;

    // Positive control: the sign-in alone is Ann in the session she joined.
    const control = closer.add(new SpySocket(server.baseUrl, one.sessionId, signInOnly));
    await control.connected();
    control.close();

    const tries: Array<[string, string]> = [
      ['sign-in cookie only', signInOnly],
      ['sign-in and device cookies', ann.cookie],
    ];
    const breaches: string[] = [];
    for (const [what, cookie] of tries) {
      const membership = await fetchAs(cookie, `/api/sessions/${other.sessionId}`);
      const socket = closer.add(new SpySocket(server.baseUrl, other.sessionId, cookie));
      const socketRefused = await socket.connected().then(
        () => false,
        () => true,
      );
      const doc = await handshakeStatus(boardUrl(server.baseUrl, other.sessionId), { cookie });
      const summary = await fetchAs(cookie, `/api/sessions/${other.sessionId}/summary.json`);
      const results: Array<[string, boolean, string]> = [
        ['GET the other session', membership.status >= 400, `${membership.status}`],
        ['Socket.IO to the other session', socketRefused, socketRefused ? 'refused' : 'CONNECTED'],
        ['board document of the other session', doc >= 400, `${doc}`],
        ['summary of the other session', summary.status === 404, `${summary.status}`],
      ];
      for (const [attempt, held, outcome] of results) {
        report.record('Ann (signed in)', `${what}: ${attempt}`, outcome, held);
        if (!held) breaches.push(`${what}: ${attempt}`);
      }
    }

    // Removed from her session, Ann comes back from a second browser with the same account.
    const fay = closer.add(one.facilitator.browser.connect(one.sessionId));
    await fay.waitUntilSynced();
    ok(await fay.command('participant:remove', { participantId: annId }));
    const second = new CookieBrowser(server.baseUrl);
    const signedIn = await second.request('POST', '/api/auth/signin', {
      email: (await ann.request<{ user: { email: string } }>('GET', '/api/auth/me')).body.user
        .email,
      password,
    });
    expect(signedIn.status).toBe(200);
    const back = closer.add(new SpySocket(server.baseUrl, one.sessionId, second.cookie));
    const backRefused = await back.connected().then(
      () => false,
      () => true,
    );
    const backDoc = await handshakeStatus(boardUrl(server.baseUrl, one.sessionId), {
      cookie: second.cookie,
    });
    const rejoin = await second.request('POST', '/api/join', {
      code: one.joinCode,
      displayName: 'Ann again',
    });
    const removedResults: Array<[string, boolean, string]> = [
      [
        'Socket.IO from a second browser after removal',
        backRefused,
        backRefused ? 'refused' : 'CONNECTED',
      ],
      ['board document from a second browser after removal', backDoc === 403, `${backDoc}`],
      ['joins again as someone new after removal', rejoin.status === 403, `${rejoin.status}`],
    ];
    for (const [attempt, held, outcome] of removedResults) {
      report.record('Ann (removed)', attempt, outcome, held);
      if (!held) breaches.push(attempt);
    }
    expect(breaches).toEqual([]);
  });

  // ── anonymity and hidden notes in what teams read ────────────────────────────────────────

  it('exports, the audit log, the team page and the personal download never name an anonymous author; hidden notes appear nowhere before reveal', async () => {
    const teamId = await createTeam(olga, 'Ward 9');
    await addToTeam(olga, teamId, ann, 'member');
    await addToTeam(olga, teamId, mia, 'member');
    const session = await startTeamSession(olga, teamId, 'Ward 9 supervision');
    await joinAs(ann, session.joinCode, 'Ann Author');
    const ben = new TestBrowser(server.baseUrl);
    await joinAs(ben, session.joinCode, 'Ben Guest');

    const fay = closer.add(olga.connect(session.sessionId));
    const annLive = closer.add(ann.connect(session.sessionId));
    const benLive = closer.add(ben.connect(session.sessionId));
    await Promise.all([fay, annLive, benLive].map((live) => live.waitUntilSynced()));
    await fay.goTo('agreement');
    await annLive.accept();
    await benLive.accept();
    await fay.goTo('what');
    ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
    const named = `named-${randomBytes(4).toString('hex')}`;
    const anonymous = `anonymous-${randomBytes(4).toString('hex')}`;
    const decoy = `decoy-${randomBytes(4).toString('hex')}`;
    ok(await annLive.command('note:add', { areaId: 'what', text: named }));
    const { noteId: anonymousId } = ok(
      await annLive.command('note:add', {
        areaId: 'what',
        text: anonymous,
        anonymous: true,
        secret: secret(),
      }),
    );
    ok(
      await benLive.command('note:add', {
        areaId: 'what',
        text: decoy,
        anonymous: true,
        secret: secret(),
      }),
    );
    await fay.waitForBoard((board) =>
      [named, anonymous, decoy].every((text) => board.notes.some((note) => note.text === text)),
    );

    // A hidden step with a named and an anonymous note, not revealed.
    await fay.goTo('now-what');
    ok(await fay.command('step:visibility', { stepId: 'now-what', visibility: 'hidden' }));
    const hiddenNamed = `hidden-named-${randomBytes(4).toString('hex')}`;
    const hiddenAnonymous = `hidden-anonymous-${randomBytes(4).toString('hex')}`;
    ok(await annLive.command('note:add', { areaId: 'now-what', text: hiddenNamed }));
    ok(
      await annLive.command('note:add', {
        areaId: 'now-what',
        text: hiddenAnonymous,
        anonymous: true,
        secret: secret(),
      }),
    );
    // A later session of the team opens with its actions: nothing hidden may ride along.
    await startTeamSession(olga, teamId, 'Ward 9 next time');
    await pause(400);

    const breaches: string[] = [];
    const check = (attacker: string, attempt: string, held: boolean, outcome: string) => {
      report.record(attacker, attempt, outcome, held);
      if (!held) breaches.push(`${attacker}: ${attempt}`);
    };
    const hidden = [hiddenNamed, hiddenAnonymous];
    const reads: Array<[string, Person, string]> = [
      ...summaryPaths(session.sessionId).map((path): [string, Person, string] => [
        'Olga (facilitator)',
        olga,
        path,
      ]),
      ...summaryPaths(session.sessionId).map((path): [string, Person, string] => [
        'Mia (member, not in it)',
        mia,
        path,
      ]),
      ['Mia (member, not in it)', mia, `/api/teams/${teamId}`],
      ['Olga (owner)', olga, `/api/teams/${teamId}/audit`],
    ];
    for (const [attacker, who, path] of reads) {
      const answer = await fetchAs(who.cookie, path);
      const leaked = hidden.filter((text) => answer.body.includes(text));
      check(
        attacker,
        `${path.replace(/[0-9a-f-]{36}/g, ':id')}: hidden notes`,
        answer.status === 200 && leaked.length === 0,
        answer.status === 200
          ? leaked.length === 0
            ? 'absent'
            : `PRESENT ${leaked.join(', ')}`
          : `${answer.status}`,
      );
    }
    const nextSession = await query(
      database,
      sql`select previous_actions from sessions where team_id = ${teamId}`,
    );
    check(
      'database reader',
      'previous actions of the next session: hidden notes',
      hidden.every((text) => !JSON.stringify(nextSession).includes(text)),
      'absent',
    );

    // The anonymous note in every format: no author, and Ann's name nowhere near it.
    const json = JSON.parse(
      (await fetchAs(olga.cookie, `/api/sessions/${session.sessionId}/summary.json`)).body,
    ) as ReflectionSummary;
    const entry = json.stages
      .flatMap((stage) => stage.notes)
      .find((note) => note.text === anonymous);
    check(
      'Olga (facilitator)',
      'JSON export: author of the anonymous note',
      entry !== undefined && !('author' in entry),
      entry ? JSON.stringify(entry) : 'NOTE MISSING',
    );
    const namedEntry = json.stages
      .flatMap((stage) => stage.notes)
      .find((note) => note.text === named);
    check(
      '(control)',
      'JSON export: author of the named note',
      namedEntry?.author === 'Ann Author',
      namedEntry?.author ?? 'none',
    );
    for (const format of ['md', 'csv'] as const) {
      const file = (
        await fetchAs(olga.cookie, `/api/sessions/${session.sessionId}/summary.${format}`)
      ).body;
      const lines = file.split(/\r?\n/).filter((line) => line.includes(anonymous));
      check(
        'Olga (facilitator)',
        `${format} export: the anonymous note’s line names Ann`,
        lines.length > 0 && lines.every((line) => !line.includes('Ann')),
        lines.join(' ⏎ ') || 'NOTE MISSING',
      );
    }

    // The audit log (every page) and the personal download.
    const audit = await olga.request<AuditPage>('GET', `/api/teams/${teamId}/audit`);
    const sessionEntries = JSON.stringify(
      audit.body.entries.filter((item) => item.sessionId === session.sessionId),
    );
    const auditLeaks = [anonymous, anonymousId, named, 'Ann Author', ann.userId].filter((text) =>
      sessionEntries.includes(text),
    );
    check(
      'Olga (owner)',
      'audit entries of the session: anonymous note, its id, its author',
      auditLeaks.length === 0,
      auditLeaks.length === 0 ? 'none' : auditLeaks.join(', '),
    );
    const download = (await fetchAs(ann.cookie, '/api/auth/export')).body;
    check(
      'Ann (her own download)',
      'holds her named note (control)',
      download.includes(named),
      download.includes(named) ? 'yes' : 'MISSING',
    );
    check(
      'anyone reading Ann’s download',
      'her anonymous notes, shown or hidden, or their ids',
      ![anonymous, hiddenAnonymous, anonymousId].some((text) => download.includes(text)),
      'absent',
    );
    const logText = logs.text();
    check(
      'log reader',
      'note text in the server log',
      ![named, anonymous, decoy, ...hidden].some((text) => logText.includes(text)),
      'none',
    );

    // Control: revealed, the hidden notes reach the summary, so the checks above could fail.
    ok(await fay.command('step:reveal', { stepId: 'now-what' }));
    const revealed = (await fetchAs(mia.cookie, `/api/sessions/${session.sessionId}/summary.json`))
      .body;
    check(
      '(control)',
      'after the reveal, the summary holds the hidden notes',
      hidden.every((text) => revealed.includes(text)),
      'yes',
    );
    expect(breaches).toEqual([]);
  });

  it('the summary and its downloads do not list a released batch of anonymous notes in posting order', async () => {
    const rounds = 6;
    const people = ['Ann Ashby', 'Ben Brook', 'Cora Crane', 'Dee Dale', 'Eli Ember'];
    const cast = await castSession(server.baseUrl, 'Fay', people);
    const fayDoc = closer.add(await boardAs(server.baseUrl, cast.sessionId, cast.facilitator));
    const fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    await fay.waitUntilSynced();
    const posters: Poster[] = [];
    for (const member of cast.members) {
      posters.push({
        member,
        socket: closer.add(await spyAs(server.baseUrl, cast.sessionId, member)),
      });
    }
    await fay.goTo('agreement');
    for (const poster of posters)
      expect((await poster.socket.send('agreement:accept')).ok).toBe(true);
    await fay.goTo('what');
    ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'anonymous' }));
    const played: Round[] = [];
    for (
      let index = 0;
      index < rounds + 4 && played.filter((round) => round.frames.length === 1).length < rounds;
      index += 1
    ) {
      played.push(
        await postAnonymousRound(randomOrder(posters), {
          stepId: 'what',
          tag: `S${index}`,
          gapMs: 5,
          watcher: fayDoc,
        }),
      );
      await pause(50);
    }
    const batches = played.filter((round) => round.frames.length === 1);
    const json = JSON.parse(
      (await fetchAs(cast.facilitator.cookie, `/api/sessions/${cast.sessionId}/summary.json`)).body,
    ) as ReflectionSummary;
    const listed =
      json.stages.find((stage) => stage.id === 'what')?.notes.map((note) => note.text) ?? [];
    const markdown = (
      await fetchAs(cast.facilitator.cookie, `/api/sessions/${cast.sessionId}/summary.md`)
    ).body;
    const byText = (round: Round, order: (text: string) => number) =>
      [...round.posted].sort((a, b) => order(a.text) - order(b.text)).map((post) => post.noteId);
    const limit = Math.floor(batches.length * 0.3);
    const failures: string[] = [];
    for (const [what, order] of [
      ['JSON summary order', (text: string) => listed.indexOf(text)],
      ['Markdown export order', (text: string) => markdown.indexOf(text)],
    ] as const) {
      const same = countPostingOrder(batches, (round) => byText(round, order));
      const held = report.record(
        'facilitator Fay (summary)',
        what,
        `equals the posting order in ${same} of ${batches.length} batches (chance: 1 in 120 each)`,
        same <= limit,
      );
      if (!held) failures.push(`${what}: ${same}/${batches.length}`);
    }
    expect(batches.length).toBeGreaterThanOrEqual(rounds);
    expect(failures).toEqual([]);
  });

  // ── what deletion leaves behind ──────────────────────────────────────────────────────────

  /** A session with named, anonymous, hidden and held notes; returns their texts. */
  async function writeEveryKindOfNote(fay: LiveConnection, author: LiveConnection, tag: string) {
    const texts = {
      named: `${tag}-named-${randomBytes(4).toString('hex')}`,
      anonymous: `${tag}-anonymous-${randomBytes(4).toString('hex')}`,
      edited: `${tag}-edited-${randomBytes(4).toString('hex')}`,
      hidden: `${tag}-hidden-${randomBytes(4).toString('hex')}`,
      held: `${tag}-held-${randomBytes(4).toString('hex')}`,
    };
    await fay.goTo('agreement');
    await author.accept();
    await fay.goTo('what');
    ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
    ok(await author.command('note:add', { areaId: 'what', text: texts.named }));
    const key = secret();
    const { noteId } = ok(
      await author.command('note:add', {
        areaId: 'what',
        text: texts.anonymous,
        anonymous: true,
        secret: key,
      }),
    );
    await fay.waitForBoard((board) => board.notes.some((note) => note.text === texts.anonymous));
    ok(await author.command('note:edit', { noteId, text: texts.edited, secret: key }));
    await fay.waitForBoard((board) => board.notes.some((note) => note.text === texts.edited));
    await fay.goTo('now-what');
    ok(await fay.command('step:visibility', { stepId: 'now-what', visibility: 'hidden' }));
    ok(await author.command('note:add', { areaId: 'now-what', text: texts.hidden }));
    ok(
      await author.command('note:add', {
        areaId: 'now-what',
        text: texts.held,
        anonymous: true,
        secret: secret(),
      }),
    );
    const rows = await traces(Object.values(texts));
    expect(rows.length).toBeGreaterThan(0);
    return Object.values(texts);
  }

  it('retention leaves no note text in any table, nor in the log', async () => {
    const teamId = await createTeam(olga, 'Ward 0');
    expect((await olga.request('PATCH', `/api/teams/${teamId}`, { retentionDays: 0 })).status).toBe(
      200,
    );
    const session = await startTeamSession(olga, teamId, 'Zero retention');
    const guest = new TestBrowser(server.baseUrl);
    await joinAs(guest, session.joinCode, 'Gil Guest');
    const fay = closer.add(olga.connect(session.sessionId));
    const gil = closer.add(guest.connect(session.sessionId));
    await Promise.all([fay.waitUntilSynced(), gil.waitUntilSynced()]);
    const texts = await writeEveryKindOfNote(fay, gil, 'retention');
    ok(await fay.command('session:close', {}));
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await query(
        database,
        sql`select purged_at from sessions where id = ${session.sessionId}`,
      );
      if (row?.purged_at) break;
      if (Date.now() > deadline) throw new Error('not purged at close');
      await pause(50);
    }
    await server.app.retention.idle();
    await pause(300);
    const left = await traces(texts);
    report.record(
      'database reader',
      'note text in any table after retention (5 kinds of note)',
      left.length === 0 ? 'none' : left.join('; '),
      left.length === 0,
    );
    const logText = logs.text();
    const logged = texts.filter((text) => logText.includes(text));
    report.record(
      'log reader',
      'note text in the log after retention',
      logged.length === 0 ? 'none' : logged.join(', '),
      logged.length === 0,
    );
    expect(left).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('deleting an account with its lone team leaves no note text of the team’s sessions', async () => {
    const teamId = await createTeam(lou, 'Just Lou');
    const session = await startTeamSession(lou, teamId, 'Lou and a guest');
    const guest = new TestBrowser(server.baseUrl);
    await joinAs(guest, session.joinCode, 'Gil Guest');
    const fay = closer.add(lou.connect(session.sessionId));
    const gil = closer.add(guest.connect(session.sessionId));
    await Promise.all([fay.waitUntilSynced(), gil.waitUntilSynced()]);
    const texts = await writeEveryKindOfNote(fay, gil, 'deletion');

    const deleted = await lou.request('POST', '/api/auth/delete', { password });
    expect(deleted.status).toBe(204);
    const [row] = await query(
      database,
      sql`select count(*)::int as count from sessions where id = ${session.sessionId}`,
    );
    expect(row?.count).toBe(0);
    // The guest is still connected: let the room do whatever it would do next.
    await pause(500);
    const left = await traces(texts);
    report.record(
      'database reader',
      'note text of the deleted team’s session, in any table',
      left.length === 0 ? 'none' : left.join('; '),
      left.length === 0,
    );
    const board = await handshakeStatus(boardUrl(server.baseUrl, session.sessionId), {
      cookie: guest.cookie ?? '',
    });
    report.record('Gil (guest)', 'opens the deleted session’s board', `${board}`, board >= 400);
    expect(left).toEqual([]);
    expect(board).toBeGreaterThanOrEqual(400);
  });
});
