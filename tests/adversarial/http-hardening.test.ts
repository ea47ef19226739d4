import { randomUUID } from 'node:crypto';
import type { Database } from '@reflectory/server';
import { sql } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogCapture, startApp, type RunningApp } from '../support/app-server.ts';
import { describeOnEachDatabase } from '../support/each-database.ts';
import { signUp } from '../support/team-client.ts';
import { AttackReport } from './support/attack-report.ts';
import { ok } from './support/board-setup.ts';
import { Closer, boardUrl, castSession, type Cast } from './support/cast.ts';
import { query } from './support/db-forensics.ts';
import { handshakeStatus } from './support/raw-doc-socket.ts';
import { rawRequest } from './support/hand-written-http.ts';

const jsonOnlyMessage = 'This API accepts only JSON bodies (Content-Type: application/json).';

interface Answer<T> {
  status: number;
  body: T;
  /** `name=value` of every cookie the answer set. */
  cookies: string[];
}

interface ErrorAnswer {
  error: { code: string; message: string };
}

interface MembershipAnswer {
  you: { id: string; role: string };
}

/**
 * Hostile review of the HTTP edge (issue #11, item 6): how the JSON-only guard reads paths, how
 * strictly an Origin is parsed on every channel that checks one, and whether a person the
 * facilitator made an observer, or removed, can shed that by joining again.
 */
describeOnEachDatabase('adversarial: HTTP hardening', (open, dispose) => {
  let database: Database;
  let server: RunningApp;
  const report = new AttackReport('HTTP hardening');
  const closer = new Closer();

  beforeAll(async () => {
    database = await open();
    server = await startApp({ database, logLevel: 'info', logStream: new LogCapture() });
  });
  afterEach(() => closer.closeAll());
  afterAll(async () => {
    report.print();
    closer.closeAll();
    await server?.close();
    await database?.close();
    await dispose();
  });

  /** One request as a browser holding `cookie` (a `Cookie` header value) would send it. */
  async function send<T>(
    cookie: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
      cookies: response.headers.getSetCookie().map((line) => line.split(';')[0] ?? ''),
    };
  }

  function cookieNamed(cookie: string, name: string): string {
    const pair = cookie.split('; ').find((part) => part.startsWith(`${name}=`));
    if (!pair) throw new Error(`no ${name} cookie in ${cookie}`);
    return pair;
  }

  async function participantCount(sessionId: string): Promise<number> {
    const rows = await query(
      database,
      sql`select count(*)::int as n from participants where session_id = ${sessionId}`,
    );
    return Number(rows[0]?.n);
  }

  /** The facilitator, live, acting on someone in the session. */
  async function facilitatorOf(cast: Cast) {
    const fay = closer.add(cast.facilitator.browser.connect(cast.sessionId));
    await fay.waitUntilSynced();
    return fay;
  }

  describe('the JSON-only guard decides on the route the router matched', () => {
    /** Spellings of one API path that a router might take for it, and ones it must not. */
    function spellings(path: string): string[] {
      const rest = path.slice('/api/'.length);
      const firstOfRest = `%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`;
      return [
        path,
        `/%61pi/${rest}`,
        `/%61%70%69/${rest}`,
        `/api/${firstOfRest}`,
        `/%61pi/${rest}?via=query`,
        `${path}?via=query`,
        `${path}#fragment`,
        `http://127.0.0.1:${server.port}${path}`,
        `http://evil.example${path}`,
        `http://127.0.0.1:${server.port}/%61pi/${rest}`,
        `/${path}`,
        `/API/${rest}`,
        `/api/../api/${rest}`,
        `/api/./${rest}`,
        `/%2e%2e/api/${rest}`,
        `${path}/`,
        `${path};jsessionid=1`,
        `/%61pi/${rest}/`,
      ];
    }

    it('a text/plain body cannot sign anyone out, however the path is spelled', async () => {
      const sam = await signUp(server.baseUrl, 'Sam');
      const breaches: string[] = [];
      for (const target of spellings('/api/auth/signout')) {
        for (const type of ['text/plain', 'text/plain;charset=UTF-8']) {
          const answer = await rawRequest(server.port, {
            method: 'POST',
            target,
            headers: [
              ['Cookie', sam.cookie],
              ['Content-Type', type],
            ],
            body: '{}',
          });
          const me = await send<{ user: unknown }>(sam.cookie, 'GET', '/api/auth/me');
          // Refused by the guard, or not a route at all.
          const refused =
            (answer.status === 400 && answer.body.includes(jsonOnlyMessage)) ||
            answer.status === 404;
          const held = me.body.user !== null && refused;
          report.record('cross-site form', `POST ${target} (${type})`, `${answer.status}`, held);
          if (!held) breaches.push(`${target} (${type}) → ${answer.status} ${answer.body}`);
        }
      }
      expect(breaches).toEqual([]);
    });

    it('every state-changing API route refuses a text/plain body before its handler runs, also under a percent-encoded path', async () => {
      const cast = await castSession(server.baseUrl, 'Fay', []);
      const before = await participantCount(cast.sessionId);
      const routes: Array<[string, string, unknown]> = [
        ['POST', '/api/join', { code: cast.joinCode, displayName: 'Mallory' }],
        ['POST', '/api/sessions', { title: 'Forged', facilitatorName: 'Mallory' }],
        ['POST', '/api/models', { name: 'Forged' }],
        ['DELETE', `/api/models/${randomUUID()}`, {}],
        ['POST', '/api/auth/signin', { email: 'a@example.org', password: 'x' }],
        ['POST', '/api/auth/signup', { email: 'a@example.org', password: 'x', displayName: 'x' }],
        ['POST', '/api/teams', { name: 'Forged' }],
        ['PATCH', `/api/teams/${randomUUID()}`, { name: 'Forged' }],
        ['POST', `/api/invites/${'a'.repeat(43)}/accept`, {}],
      ];
      const breaches: string[] = [];
      for (const [method, path, body] of routes) {
        for (const target of [path, path.replace('/api/', '/%61pi/'), `http://x${path}`]) {
          const answer = await rawRequest(server.port, {
            method,
            target,
            headers: [['Content-Type', 'text/plain']],
            body: JSON.stringify(body),
          });
          const held = answer.status === 400 && answer.body.includes(jsonOnlyMessage);
          report.record('cross-site form', `${method} ${target}`, `${answer.status}`, held);
          if (!held) breaches.push(`${method} ${target} → ${answer.status} ${answer.body}`);
          expect(answer.headers.get('set-cookie')).toBeUndefined();
        }
      }
      expect(breaches).toEqual([]);
      expect(await participantCount(cast.sessionId)).toBe(before);
    });
  });

  describe('an Origin is exactly scheme://host[:port], or it is refused', () => {
    /** Origins that name this server's host in some way, none of them a browser's serialization. */
    function hostileOrigins(): string[] {
      const own = `http://127.0.0.1:${server.port}`;
      return [
        `http://user@127.0.0.1:${server.port}`,
        `http://user:secret@127.0.0.1:${server.port}`,
        `${own}/`,
        `${own}/path`,
        `${own}?query`,
        `${own}#fragment`,
        `${own}\\`,
        `HTTP://127.0.0.1:${server.port}`,
        `http://127.0.0.1:0${server.port}`,
        `http://127.1:${server.port}`,
        `http://0x7f.0.0.1:${server.port}`,
        `http://127.0.0.1.:${server.port}`,
        `http://%31%32%37.0.0.1:${server.port}`,
        `${own}, http://evil.example`,
        `http://evil.example ${own}`,
        `ws://127.0.0.1:${server.port}`,
        'null',
        'http://evil.example',
        `http://localhost:${server.port}`,
      ];
    }

    it('state-changing HTTP requests: a user part, a path, a default port or any other spelling is refused', async () => {
      const own = `http://127.0.0.1:${server.port}`;
      const signOut = (headers: Array<[string, string]>) =>
        rawRequest(server.port, { method: 'POST', target: '/api/auth/signout', headers });
      const breaches: string[] = [];
      const cases: Array<[string, Array<[string, string]>]> = [
        ...hostileOrigins().map((origin): [string, Array<[string, string]>] => [
          origin,
          [['Origin', origin]],
        ]),
        ['empty Origin', [['Origin', '']]],
        [
          'two Origins, ours twice',
          [
            ['Origin', own],
            ['Origin', own],
          ],
        ],
        [
          'two Origins, ours first',
          [
            ['Origin', own],
            ['Origin', 'http://evil.example'],
          ],
        ],
        [
          'two Origins, ours last',
          [
            ['Origin', 'http://evil.example'],
            ['Origin', own],
          ],
        ],
        [
          'default port written out',
          [
            ['Host', '127.0.0.1'],
            ['Origin', 'http://127.0.0.1:80'],
          ],
        ],
        [
          'https default port',
          [
            ['Host', '127.0.0.1'],
            ['Origin', 'https://127.0.0.1:443'],
          ],
        ],
      ];
      for (const [name, headers] of cases) {
        const answer = await signOut(headers);
        const held = answer.status === 403;
        report.record('foreign page', `POST with Origin ${name}`, `${answer.status}`, held);
        if (!held) breaches.push(`${name} → ${answer.status}`);
      }
      expect(breaches).toEqual([]);
      // Our own page, a page on the default port, and a client that sends no Origin all pass.
      expect((await signOut([['Origin', own]])).status).toBe(204);
      expect(
        (
          await signOut([
            ['Host', '127.0.0.1'],
            ['Origin', 'http://127.0.0.1'],
          ])
        ).status,
      ).toBe(204);
      expect((await signOut([])).status).toBe(204);
    });

    it('the /yjs/ WebSocket and the Socket.IO handshakes refuse the same origins', async () => {
      const cast = await castSession(server.baseUrl, 'Fay', ['Ann']);
      const ann = cast.get('Ann');
      const board = boardUrl(server.baseUrl, cast.sessionId);
      const socketIo = (origin: string) =>
        new Promise<string>((resolve) => {
          const socket = io(server.baseUrl, {
            transports: ['websocket'],
            extraHeaders: { cookie: ann.cookie, origin },
            auth: { sessionId: cast.sessionId },
            forceNew: true,
            reconnection: false,
          });
          socket.once('connect', () => {
            socket.close();
            resolve('connected');
          });
          socket.once('connect_error', (error) => {
            socket.close();
            resolve(`refused: ${error.message}`);
          });
        });
      const polling = async (origin: string) =>
        (
          await rawRequest(server.port, {
            method: 'GET',
            target: '/socket.io/?EIO=4&transport=polling',
            headers: [
              ['Origin', origin],
              ['Cookie', ann.cookie],
            ],
          })
        ).status;

      const breaches: string[] = [];
      for (const origin of hostileOrigins()) {
        const doc = await handshakeStatus(board, { cookie: ann.cookie, origin });
        const viaSocket = await socketIo(origin);
        const viaPolling = await polling(origin);
        const results: Array<[string, boolean, string]> = [
          ['/yjs/ WebSocket', doc === 403, `${doc}`],
          ['Socket.IO over WebSocket', viaSocket !== 'connected', viaSocket],
          ['Socket.IO polling', viaPolling === 403, `${viaPolling}`],
        ];
        for (const [channel, held, outcome] of results) {
          report.record('foreign page', `${channel} with Origin ${origin}`, outcome, held);
          if (!held) breaches.push(`${channel} with Origin ${origin} → ${outcome}`);
        }
      }
      expect(breaches).toEqual([]);
      const own = `http://127.0.0.1:${server.port}`;
      expect(await handshakeStatus(board, { cookie: ann.cookie, origin: own })).toBe(101);
      expect(await socketIo(own)).toBe('connected');
      expect(await polling(own)).toBe(200);
    });
  });

  describe('a role the facilitator set, or a removal, survives joining again', () => {
    it('[RJ2] an observer joining again as someone new from the same browser is refused and stays an observer', async () => {
      const cast = await castSession(server.baseUrl, 'Fay', ['Olive']);
      const olive = cast.get('Olive');
      const fay = await facilitatorOf(cast);
      ok(await fay.command('role:set', { participantId: olive.id, role: 'observer' }));
      const before = await participantCount(cast.sessionId);

      const again = await send<ErrorAnswer & MembershipAnswer>(olive.cookie, 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Olive, new',
        asNewParticipant: true,
      });
      const held = again.status === 403;
      report.record(
        'Olive (observer)',
        'POST /api/join asNewParticipant from her browser',
        held ? `${again.status}` : `${again.status} as ${again.body.you?.role}`,
        held,
      );
      expect(again.status).toBe(403);
      expect(again.body.error.code).toBe('forbidden');
      expect(again.body.error.message).toMatch(/observer/);
      const me = await send<MembershipAnswer>(
        olive.cookie,
        'GET',
        `/api/sessions/${cast.sessionId}`,
      );
      expect(me.body.you).toMatchObject({ id: olive.id, role: 'observer' });
      expect(await participantCount(cast.sessionId)).toBe(before);
      // Joining without asking to be someone new still brings her back, as the observer she is.
      const back = await send<MembershipAnswer>(olive.cookie, 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Olive',
      });
      expect(back.status).toBe(200);
      expect(back.body.you).toMatchObject({ id: olive.id, role: 'observer' });
    });

    it('[RJ2] a signed-in observer cannot shed the role from another browser, nor by linking her account from a browser that is someone else', async () => {
      const cast = await castSession(server.baseUrl, 'Fay', []);
      const olive = await signUp(server.baseUrl, 'Olive');
      const joined = await olive.request<MembershipAnswer>('POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Olive',
      });
      expect(joined.status).toBe(200);
      const fay = await facilitatorOf(cast);
      ok(await fay.command('role:set', { participantId: joined.body.you.id, role: 'observer' }));
      const signIn = cookieNamed(olive.cookie, 'rf_session');

      // A second browser, signed in as Olive, asks to be someone new.
      const second = await send<ErrorAnswer>(signIn, 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Olive, new',
        asNewParticipant: true,
      });
      // A third browser first joins anonymously (anyone with the code can), then signs in as
      // Olive and asks to be someone new: the account would then be a participant everywhere.
      const visitor = await send<MembershipAnswer>('', 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Visitor',
      });
      expect(visitor.status).toBe(200);
      const thirdCookie = `${visitor.cookies[0] ?? ''}; ${signIn}`;
      const third = await send<ErrorAnswer>(thirdCookie, 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Olive, new',
        asNewParticipant: true,
      });
      const anywhere = await send<MembershipAnswer>(
        signIn,
        'GET',
        `/api/sessions/${cast.sessionId}`,
      );
      const results: Array<[string, boolean, string]> = [
        [
          'asNewParticipant from a second signed-in browser',
          second.status === 403,
          `${second.status}`,
        ],
        [
          'asNewParticipant from a browser that is someone else',
          third.status === 403,
          `${third.status}`,
        ],
        [
          'her account afterwards, from any browser',
          anywhere.body.you.role === 'observer',
          anywhere.body.you.role,
        ],
      ];
      for (const [attempt, held, outcome] of results) {
        report.record('Olive (observer, signed in)', attempt, outcome, held);
      }
      expect(second.status).toBe(403);
      expect(second.body.error.message).toMatch(/observer/);
      expect(third.status).toBe(403);
      expect(third.body.error.message).toMatch(/observer/);
      expect(anywhere.body.you).toMatchObject({ id: joined.body.you.id, role: 'observer' });
    });

    it('[RJ1] a removed person cannot come back by linking their account from a browser that is someone else', async () => {
      const cast = await castSession(server.baseUrl, 'Fay', []);
      const rex = await signUp(server.baseUrl, 'Rex');
      const joined = await rex.request<MembershipAnswer>('POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Rex',
      });
      const fay = await facilitatorOf(cast);
      ok(await fay.command('participant:remove', { participantId: joined.body.you.id }));
      const signIn = cookieNamed(rex.cookie, 'rf_session');

      const own = await send<ErrorAnswer>(rex.cookie, 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Rex, new',
        asNewParticipant: true,
      });
      const visitor = await send<MembershipAnswer>('', 'POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Visitor',
      });
      const linked = await send<ErrorAnswer>(
        `${visitor.cookies[0] ?? ''}; ${signIn}`,
        'POST',
        '/api/join',
        { code: cast.joinCode, displayName: 'Rex, new', asNewParticipant: true },
      );
      const anywhere = await send<ErrorAnswer>(signIn, 'GET', `/api/sessions/${cast.sessionId}`);
      const results: Array<[string, boolean, string]> = [
        ['asNewParticipant from his own browser', own.status === 403, `${own.status}`],
        [
          'asNewParticipant from a browser that is someone else',
          linked.status === 403,
          `${linked.status}`,
        ],
        ['his account afterwards, from any browser', anywhere.status === 401, `${anywhere.status}`],
      ];
      for (const [attempt, held, outcome] of results) {
        report.record('Rex (removed, signed in)', attempt, outcome, held);
      }
      expect(own.status).toBe(403);
      expect(linked.status).toBe(403);
      expect(linked.body.error.message).toBe('The facilitator removed you from this session.');
      expect(anywhere.status).toBe(401);
    });
  });

  describe('GET /api/sessions/:id keeps its documented contract', () => {
    it('[R4] a removed participant is answered 401, from their browser and from their account', async () => {
      const cast = await castSession(server.baseUrl, 'Fay', []);
      const ben = await signUp(server.baseUrl, 'Ben');
      const joined = await ben.request<MembershipAnswer>('POST', '/api/join', {
        code: cast.joinCode,
        displayName: 'Ben',
      });
      const fay = await facilitatorOf(cast);
      ok(await fay.command('participant:remove', { participantId: joined.body.you.id }));

      const path = `/api/sessions/${cast.sessionId}`;
      const fromBrowser = await send<ErrorAnswer>(
        cookieNamed(ben.cookie, 'rf_device'),
        'GET',
        path,
      );
      const fromAccount = await send<ErrorAnswer>(
        cookieNamed(ben.cookie, 'rf_session'),
        'GET',
        path,
      );
      for (const [attempt, answer] of [
        ['his browser', fromBrowser],
        ['his account in another browser', fromAccount],
      ] as const) {
        report.record(
          'Ben (removed)',
          `GET /api/sessions/:id from ${attempt}`,
          `${answer.status}`,
          answer.status === 401,
        );
        expect(answer.status, attempt).toBe(401);
        expect(answer.body.error).toEqual({
          code: 'unauthorized',
          message: 'The facilitator removed you from this session.',
        });
      }
    });
  });
});
