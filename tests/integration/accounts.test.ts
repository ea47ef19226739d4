import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { accountExportSchema, type AccountExport, type Membership } from '@reflectory/shared';
import { sql } from 'drizzle-orm';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { query } from '../adversarial/support/db-forensics.ts';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { LiveConnection, waitFor } from '../support/live-client.ts';

const password = 'correct horse battery';
const refused = { error: { code: 'unauthorized', message: expect.any(String) } };

/**
 * A browser with a cookie jar for every cookie the server sets, and its own address (the app
 * trusts X-Forwarded-For here, as behind a proxy), so per-address limits do not mix tests.
 */
class Browser {
  readonly cookies = new Map<string, string>();
  readonly address = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  lastSetCookies: string[] = [];

  constructor(
    readonly baseUrl: string,
    readonly origin?: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async send(
    method: string,
    path: string,
    options: {
      json?: unknown;
      body?: string;
      type?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (this.origin) headers.origin = this.origin;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      if (options.type) headers['content-type'] = options.type;
      body = options.body;
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      ...(body === undefined ? {} : { body }),
    });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((part) => /^\s*expires=Thu, 01 Jan 1970/i.test(part));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
  }

  post(path: string, json?: unknown) {
    return this.send('POST', path, json === undefined ? {} : { json });
  }

  get(path: string) {
    return this.send('GET', path);
  }

  async signUp(email: string, displayName: string): Promise<string> {
    const { status, body } = await this.post('/api/auth/signup', { email, password, displayName });
    if (status !== 201) throw new Error(`sign-up failed: ${status} ${JSON.stringify(body)}`);
    return (body as { user: { id: string } }).user.id;
  }

  async createSession(title: string, facilitatorName: string): Promise<Membership> {
    const { status, body } = await this.post('/api/sessions', { title, facilitatorName });
    if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
    return body as Membership;
  }

  async join(code: string, displayName: string): Promise<Membership> {
    const { status, body } = await this.post('/api/join', { code, displayName });
    if (status !== 200) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
    return body as Membership;
  }

  connect(sessionId: string): LiveConnection {
    return new LiveConnection(this.baseUrl, sessionId, this.cookieHeader());
  }
}

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/** Whether Socket.IO accepts a connection to the session with these cookies. */
function socketAccepted(baseUrl: string, sessionId: string, cookie: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      auth: { sessionId },
      reconnection: false,
    });
    socket.on('connect', () => {
      socket.close();
      resolve(true);
    });
    socket.on('connect_error', () => {
      socket.close();
      resolve(false);
    });
  });
}

/** The HTTP status the document endpoint answers a handshake with (101 when it upgrades). */
function docHandshake(baseUrl: string, sessionId: string, cookie: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/session/${sessionId}/board`, {
      headers: cookie ? { cookie } : {},
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
  });
}

function accountsSuite(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let server: RunningApp;
  const logs = new LogCapture();
  const connections: LiveConnection[] = [];
  const browser = (origin?: string) => new Browser(server.baseUrl, origin);
  const email = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.org`;

  beforeAll(async () => {
    database = await open();
    server = await startApp({
      database,
      trustProxy: true,
      logLevel: 'info',
      logStream: logs,
      rooms: { releaseMinMs: 100, releaseJitterMs: 100, minBatch: 1 },
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

  it('signs up, is signed in at once, and GET /api/auth/me knows the account; a guest gets null', async () => {
    const ann = browser();
    const address = email('Ann');
    await ann.signUp(`  ${address.toUpperCase()} `, 'Ann Ashby');
    const me = await ann.get('/api/auth/me');
    expect(me).toMatchObject({
      status: 200,
      body: { user: { email: address.toLowerCase(), displayName: 'Ann Ashby' } },
    });
    expect(await browser().get('/api/auth/me')).toMatchObject({
      status: 200,
      body: { user: null },
    });
    const stored = await query(
      database,
      sql`select password_hash from users where email = ${address.toLowerCase()}`,
    );
    expect(String(stored[0]?.password_hash)).toMatch(/^scrypt\$/);
    expect(JSON.stringify(stored)).not.toContain(password);
  });

  it('refuses a second account for the same email, in any case', async () => {
    const address = email('dup');
    await browser().signUp(address, 'First');
    const again = await browser().post('/api/auth/signup', {
      email: address.toUpperCase(),
      password,
      displayName: 'Second',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'conflict' } });
  });

  it('signs in and out; a wrong password and an unknown email get the identical status and body', async () => {
    const address = email('ben');
    const ben = browser();
    await ben.signUp(address, 'Ben');
    expect((await ben.post('/api/auth/signout')).status).toBe(204);
    expect((await ben.get('/api/auth/me')).body).toEqual({ user: null });

    const wrong = await ben.post('/api/auth/signin', { email: address, password: 'not his one' });
    const unknown = await ben.post('/api/auth/signin', {
      email: email('nobody'),
      password: 'not his one',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject(refused);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await ben.post('/api/auth/signin', { email: address.toUpperCase(), password });
    expect(right).toMatchObject({ status: 200, body: { user: { email: address } } });
    expect((await ben.get('/api/auth/me')).body).toMatchObject({ user: { email: address } });
    expect(logs.text()).not.toContain(password);
  });

  it('after 5 failed sign-ins for one email, that email is refused for the window, account or not', async () => {
    const address = email('cora');
    await browser().signUp(address, 'Cora');
    const unknownAddress = email('ghost');
    // Each attempt from its own address: the per-email limit holds whatever address guesses.
    const attempt = (to: string, pass: string) =>
      browser().post('/api/auth/signin', { email: to, password: pass });
    for (let failure = 0; failure < 5; failure += 1) {
      expect((await attempt(address, `wrong guess ${failure}`)).status).toBe(401);
      expect((await attempt(unknownAddress, `wrong guess ${failure}`)).status).toBe(401);
    }
    const blocked = await attempt(address, password);
    const blockedUnknown = await attempt(unknownAddress, password);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(blockedUnknown.status).toBe(429);
    expect(blockedUnknown.body).toEqual(blocked.body);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // Other emails are not affected.
    const other = email('dee');
    await browser().signUp(other, 'Dee');
    expect((await attempt(other, password)).status).toBe(200);
  });

  it('the sign-in cookie is httpOnly and SameSite=Lax, and Secure when the request came over HTTPS', async () => {
    const plain = browser();
    await plain.signUp(email('eli'), 'Eli');
    const overHttp = plain.lastSetCookies.find((line) => line.startsWith('rf_session='));
    expect(overHttp).toMatch(/; HttpOnly/i);
    expect(overHttp).toMatch(/; SameSite=Lax/i);
    expect(overHttp).not.toMatch(/; Secure/i);

    const secure = browser();
    const signedUp = await secure.send('POST', '/api/auth/signup', {
      json: { email: email('fin'), password, displayName: 'Fin' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(signedUp.status).toBe(201);
    const overHttps = secure.lastSetCookies.find((line) => line.startsWith('rf_session='));
    expect(overHttps).toMatch(/; HttpOnly/i);
    expect(overHttps).toMatch(/; SameSite=Lax/i);
    expect(overHttps).toMatch(/; Secure/i);
  });

  it('CSRF: a text/plain or form body never reaches a JSON route, nor does a foreign Origin', async () => {
    const address = email('gus');
    const gus = browser();
    await gus.signUp(address, 'Gus');
    await gus.post('/api/auth/signout');
    const json = JSON.stringify({ email: address, password });
    const attempts = [
      { body: json, type: 'text/plain' },
      { body: json, type: 'text/plain;charset=UTF-8' },
      {
        body: `email=${encodeURIComponent(address)}&password=x`,
        type: 'application/x-www-form-urlencoded',
      },
      {
        body: `--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--`,
        type: 'multipart/form-data; boundary=b',
      },
    ];
    for (const attempt of attempts) {
      const answer = await gus.send('POST', '/api/auth/signin', attempt);
      expect(answer.status, attempt.type).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'invalid_request' } });
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    // Signed in, a cross-site simple request cannot sign out or change anything either.
    await gus.post('/api/auth/signin', { email: address, password });
    const plainSignOut = await gus.send('POST', '/api/auth/signout', {
      body: '',
      type: 'text/plain',
    });
    expect(plainSignOut.status).toBe(400);
    const change = await gus.send('POST', '/api/auth/password', {
      body: JSON.stringify({ currentPassword: password, newPassword: 'another password' }),
      type: 'text/plain',
    });
    expect(change.status).toBe(400);

    const foreign = new Browser(server.baseUrl, 'https://evil.example');
    for (const [name, value] of gus.cookies) foreign.cookies.set(name, value);
    const crossSite = await foreign.post('/api/auth/signout');
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatchObject({ error: { code: 'forbidden' } });
    const crossDelete = await foreign.post('/api/auth/delete', { password });
    expect(crossDelete.status).toBe(403);
    expect((await gus.get('/api/auth/me')).body).toMatchObject({ user: { email: address } });
    // The same request from our own page goes through.
    const own = new Browser(server.baseUrl, server.baseUrl);
    for (const [name, value] of gus.cookies) own.cookies.set(name, value);
    expect((await own.post('/api/auth/signout')).status).toBe(204);
  });

  it('changing the password needs the current one, keeps this browser and signs out every other', async () => {
    const address = email('hal');
    const laptop = browser();
    await laptop.signUp(address, 'Hal');
    const phone = browser();
    expect((await phone.post('/api/auth/signin', { email: address, password })).status).toBe(200);

    const wrong = await laptop.post('/api/auth/password', {
      currentPassword: 'not the password',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(403);
    const short = await laptop.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(
      (
        await browser().post('/api/auth/password', {
          currentPassword: password,
          newPassword: 'a brand new password',
        })
      ).status,
    ).toBe(401);

    const changed = await laptop.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect((await laptop.get('/api/auth/me')).body).toMatchObject({ user: { email: address } });
    expect((await phone.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await browser().post('/api/auth/signin', { email: address, password })).status).toBe(
      401,
    );
    expect(
      (
        await browser().post('/api/auth/signin', {
          email: address,
          password: 'a brand new password',
        })
      ).status,
    ).toBe(200);
  });

  /** Ann facilitates a session she started signed in; Ben joins it signed in. */
  async function signedInSession() {
    const annBrowser = browser();
    const annId = await annBrowser.signUp(email('ann'), 'Ann');
    const membership = await annBrowser.createSession('Ward 7 debrief', 'Ann A.');
    const code = membership.session.joinCode ?? '';
    const benAddress = email('ben');
    const benBrowser = browser();
    const benId = await benBrowser.signUp(benAddress, 'Ben Brook');
    const ben = await benBrowser.join(code, 'Ben B.');
    const linked = await query(
      database,
      sql`select id, user_id from participants where session_id = ${membership.session.id}`,
    );
    expect(linked).toEqual(
      expect.arrayContaining([
        { id: membership.you.id, user_id: annId },
        { id: ben.you.id, user_id: benId },
      ]),
    );
    return { annBrowser, benBrowser, benAddress, annId, benId, membership, ben, code };
  }

  it('a signed-in person is the same participant from a second browser; a stranger is refused', async () => {
    const { benBrowser, benAddress, membership, ben, code } = await signedInSession();
    const sessionId = membership.session.id;
    const second = browser();
    expect((await second.post('/api/auth/signin', { email: benAddress, password })).status).toBe(
      200,
    );
    expect(second.cookies.has('rf_device')).toBe(false);
    expect(await second.get(`/api/sessions/${sessionId}`)).toMatchObject({
      status: 200,
      body: { you: { id: ben.you.id, displayName: 'Ben B.' } },
    });
    expect((await second.get(`/api/join/${code}`)).body).toMatchObject({
      you: { id: ben.you.id },
    });
    // Joining again from the second browser is the same person, not a new one.
    expect((await second.join(code, 'Someone else')).you.id).toBe(ben.you.id);

    // A new device cookie and the same sign-in: both real-time connections accept it as Ben.
    expect(second.cookies.has('rf_device')).toBe(true);
    expect(await socketAccepted(server.baseUrl, sessionId, second.cookieHeader())).toBe(true);
    expect(await docHandshake(server.baseUrl, sessionId, second.cookieHeader())).toBe(101);
    const onlySignIn = `rf_session=${second.cookies.get('rf_session') ?? ''}`;
    const live = new LiveConnection(server.baseUrl, sessionId, onlySignIn);
    connections.push(live);
    await live.waitUntilSynced();
    await waitFor(() => live.privateView !== undefined, 5000, 'private view');
    expect(live.privateView?.participantId).toBe(ben.you.id);

    // A signed-in stranger, a guest and a signed-out browser are refused on both connections.
    const stranger = browser();
    await stranger.signUp(email('stranger'), 'Stranger');
    await stranger.get(`/api/join/${code}`);
    expect((await stranger.get(`/api/sessions/${sessionId}`)).status).toBe(401);
    expect(await socketAccepted(server.baseUrl, sessionId, stranger.cookieHeader())).toBe(false);
    expect(await docHandshake(server.baseUrl, sessionId, stranger.cookieHeader())).toBe(403);
    expect(await socketAccepted(server.baseUrl, sessionId, '')).toBe(false);
    expect(await docHandshake(server.baseUrl, sessionId, '')).toBe(401);
    const forged = `rf_session=${randomBytes(32).toString('base64url')}`;
    expect(await socketAccepted(server.baseUrl, sessionId, forged)).toBe(false);
    expect(await docHandshake(server.baseUrl, sessionId, forged)).toBe(401);

    // Signed out, the old sign-in cookie opens nothing.
    await second.post('/api/auth/signout');
    expect(second.cookies.has('rf_session')).toBe(false);
    expect(await socketAccepted(server.baseUrl, sessionId, onlySignIn)).toBe(false);
    expect(await docHandshake(server.baseUrl, sessionId, onlySignIn)).toBe(401);
    // The first browser still gets in by its device cookie, signed in or not.
    expect(await socketAccepted(server.baseUrl, sessionId, benBrowser.cookieHeader())).toBe(true);
  });

  it('the download holds the account, teams, sessions, named notes and owned actions, and no anonymous note', async () => {
    const { annBrowser, benBrowser, benId, membership } = await signedInSession();
    const sessionId = membership.session.id;
    const teamId = randomUUID();
    await database.db.execute(
      sql`insert into teams (id, name) values (${teamId}, ${'Night shift'})`,
    );
    await database.db.execute(
      sql`insert into team_members (team_id, user_id, role) values (${teamId}, ${benId}, 'member')`,
    );
    await database.db.execute(
      sql`insert into team_actions (id, team_id, text, owner_name, owner_user_id, status)
          values (${randomUUID()}, ${teamId}, ${'Book the handover room'}, ${'Ben B.'}, ${benId}, 'open')`,
    );

    const fay = annBrowser.connect(sessionId);
    const ben = benBrowser.connect(sessionId);
    connections.push(fay, ben);
    await Promise.all([fay.waitUntilSynced(), ben.waitUntilSynced()]);
    await ben.accept();
    await fay.goTo('what');
    ok(await fay.command('step:visibility', { stepId: 'what', visibility: 'named' }));
    await ben.waitForBoard((board) => board.currentStep?.id === 'what');
    const named = ok(
      await ben.command('note:add', { areaId: 'what', text: 'NAMED-MARKER handover rushed' }),
    );
    const anonymous = ok(
      await ben.command('note:add', {
        areaId: 'what',
        text: 'ANON-MARKER nobody listened',
        anonymous: true,
        secret: randomBytes(32).toString('base64url'),
      }),
    );
    await fay.waitForBoard((board) =>
      [named.noteId, anonymous.noteId].every((id) => board.notes.some((note) => note.id === id)),
    );
    // The anonymous note is stored, with no author: that is why the download cannot hold it.
    const stored = await query(
      database,
      sql`select author_id from notes where id = ${anonymous.noteId}`,
    );
    expect(stored).toEqual([{ author_id: null }]);

    const download = await benBrowser.get('/api/auth/export');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="reflectory-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(download.headers.get('cache-control')).toBe('no-store');
    const data: AccountExport = accountExportSchema.parse(download.body);
    expect(data.account).toMatchObject({ displayName: 'Ben Brook' });
    expect(data.about).toMatch(/Anonymous notes you wrote are not included/);
    expect(data.teams).toEqual([expect.objectContaining({ name: 'Night shift', role: 'member' })]);
    expect(data.sessions).toEqual([
      expect.objectContaining({
        title: 'Ward 7 debrief',
        displayName: 'Ben B.',
        role: 'participant',
        notes: [expect.objectContaining({ stage: 'What?', text: 'NAMED-MARKER handover rushed' })],
      }),
    ]);
    expect(data.actions).toEqual([
      expect.objectContaining({
        team: 'Night shift',
        text: 'Book the handover room',
        status: 'open',
      }),
    ]);
    const text = JSON.stringify(download.body);
    expect(text).not.toContain('ANON-MARKER');
    expect(text).not.toContain(anonymous.noteId);
    expect(text).not.toContain(named.noteId);

    // Ann's download has her session, as facilitator, and not Ben's note.
    const annData = accountExportSchema.parse((await annBrowser.get('/api/auth/export')).body);
    expect(annData.sessions).toEqual([
      expect.objectContaining({ title: 'Ward 7 debrief', role: 'facilitator', notes: [] }),
    ]);
    expect(JSON.stringify(annData)).not.toContain('MARKER');
    expect((await browser().get('/api/auth/export')).status).toBe(401);
  });

  it('the download holds your votes while voting is open, and none once it has closed (only counts are kept)', async () => {
    const { annBrowser, benBrowser, membership } = await signedInSession();
    const sessionId = membership.session.id;
    const fay = annBrowser.connect(sessionId);
    const ben = benBrowser.connect(sessionId);
    connections.push(fay, ben);
    await Promise.all([fay.waitUntilSynced(), ben.waitUntilSynced()]);
    await ben.accept();
    await fay.goTo('so-what');
    ok(await fay.command('step:visibility', { stepId: 'so-what', visibility: 'named' }));
    const { noteId } = ok(
      await fay.command('note:add', { areaId: 'so-what', text: 'VOTE-MARKER staffing' }),
    );
    ok(await fay.command('voting:open', { stepId: 'so-what', budget: 3, maxPerNote: 2 }));
    ok(await ben.command('vote:cast', { noteId }));
    ok(await ben.command('vote:cast', { noteId }));
    const open = accountExportSchema.parse((await benBrowser.get('/api/auth/export')).body);
    expect(open.sessions).toEqual([
      expect.objectContaining({
        votes: [{ stage: expect.any(String), note: 'VOTE-MARKER staffing', count: 2 }],
      }),
    ]);
    ok(await fay.command('voting:close', { stepId: 'so-what' }));
    const closed = accountExportSchema.parse((await benBrowser.get('/api/auth/export')).body);
    expect(closed.sessions).toEqual([expect.objectContaining({ votes: [] })]);
  });

  it('deleting the account: refused while sole owner of a shared team; then gone, with its lone team', async () => {
    const { annBrowser, benBrowser, benAddress, annId, benId, membership, ben } =
      await signedInSession();
    const shared = randomUUID();
    const alone = randomUUID();
    await database.db.execute(
      sql`insert into teams (id, name) values (${shared}, ${'Ward 7'}), (${alone}, ${'Just Ben'})`,
    );
    await database.db.execute(
      sql`insert into team_members (team_id, user_id, role) values
          (${shared}, ${benId}, 'owner'), (${shared}, ${annId}, 'member'), (${alone}, ${benId}, 'owner')`,
    );

    expect((await benBrowser.post('/api/auth/delete', { password: 'not it at all' })).status).toBe(
      403,
    );
    const blocked = await benBrowser.post('/api/auth/delete', { password });
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({
      error: { code: 'conflict', message: expect.stringMatching(/only owner of Ward 7\b/) },
    });
    expect((await benBrowser.get('/api/auth/me')).body).toMatchObject({ user: { id: benId } });

    await database.db.execute(
      sql`update team_members set role = 'owner' where team_id = ${shared} and user_id = ${annId}`,
    );
    const deleted = await benBrowser.post('/api/auth/delete', { password });
    expect(deleted.status).toBe(204);
    expect(benBrowser.cookies.has('rf_session')).toBe(false);
    expect((await benBrowser.get('/api/auth/me')).body).toEqual({ user: null });
    expect((await browser().post('/api/auth/signin', { email: benAddress, password })).status).toBe(
      401,
    );

    expect(await query(database, sql`select id from users where id = ${benId}`)).toEqual([]);
    expect(
      await query(database, sql`select token_hash from auth_sessions where user_id = ${benId}`),
    ).toEqual([]);
    expect(await query(database, sql`select id from teams where id = ${alone}`)).toEqual([]);
    expect(
      await query(database, sql`select user_id, role from team_members where team_id = ${shared}`),
    ).toEqual([{ user_id: annId, role: 'owner' }]);
    // His participant keeps its name in the session, without the link to an account.
    expect(
      await query(
        database,
        sql`select display_name, user_id from participants where id = ${ben.you.id}`,
      ),
    ).toEqual([{ display_name: 'Ben B.', user_id: null }]);
    // Ann's account and session are untouched.
    expect((await annBrowser.get(`/api/sessions/${membership.session.id}`)).status).toBe(200);
  });
}

describeOnEachDatabase('accounts', accountsSuite);
