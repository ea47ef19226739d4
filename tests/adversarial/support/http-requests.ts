import {
  changePasswordRequestSchema,
  createInviteRequestSchema,
  createSessionRequestSchema,
  createTeamRequestSchema,
  createTeamSessionRequestSchema,
  deleteAccountRequestSchema,
  joinSessionRequestSchema,
  modelSchema,
  setMemberRoleRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  updateTeamRequestSchema,
} from '@reflectory/shared';
import fc from 'fast-check';
import {
  bulkyJson,
  hostileJson,
  hostileString,
  percentEncoded,
  writeJson,
} from './hostile-values.ts';
import type { RawRequest } from './raw-http.ts';
import { payloadOf, type FieldHints } from './schema-payloads.ts';

/** Real things a request can name, and the cookies of a signed-in attacker. */
export interface HttpTargets {
  sessionId: string;
  joinCode: string;
  teamId: string;
  userId: string;
  /** Device and sign-in cookies of a signed-in person (never signed out by the fuzzer). */
  cookie: string;
  origin: string;
}

interface Route {
  method: string;
  path: string;
  /** The body's schema, for near-valid bodies. */
  body?: unknown;
  /** Sign-out would end the attacker's sign-in for the rest of the run: sent without it. */
  anonymousOnly?: boolean;
}

/** Every route the server has (see server/src/http), and a few it does not. */
const routes: Route[] = [
  { method: 'POST', path: '/api/sessions', body: createSessionRequestSchema },
  { method: 'GET', path: '/api/join/:code' },
  { method: 'POST', path: '/api/join', body: joinSessionRequestSchema },
  { method: 'GET', path: '/api/sessions/:sessionId' },
  { method: 'GET', path: '/api/sessions/:sessionId/summary' },
  { method: 'GET', path: '/api/sessions/:sessionId/summary.json' },
  { method: 'GET', path: '/api/sessions/:sessionId/summary.md' },
  { method: 'GET', path: '/api/sessions/:sessionId/summary.csv' },
  { method: 'GET', path: '/api/models' },
  { method: 'POST', path: '/api/models', body: modelSchema },
  { method: 'DELETE', path: '/api/models/:id' },
  { method: 'POST', path: '/api/auth/signup', body: signUpRequestSchema },
  { method: 'POST', path: '/api/auth/signin', body: signInRequestSchema },
  { method: 'POST', path: '/api/auth/signout', anonymousOnly: true },
  { method: 'GET', path: '/api/auth/me' },
  { method: 'POST', path: '/api/auth/password', body: changePasswordRequestSchema },
  { method: 'GET', path: '/api/auth/export' },
  { method: 'POST', path: '/api/auth/delete', body: deleteAccountRequestSchema },
  { method: 'POST', path: '/api/teams', body: createTeamRequestSchema },
  { method: 'GET', path: '/api/teams' },
  { method: 'GET', path: '/api/teams/:teamId' },
  { method: 'PATCH', path: '/api/teams/:teamId', body: updateTeamRequestSchema },
  {
    method: 'PATCH',
    path: '/api/teams/:teamId/members/:userId',
    body: setMemberRoleRequestSchema,
  },
  { method: 'DELETE', path: '/api/teams/:teamId/members/:userId' },
  { method: 'POST', path: '/api/teams/:teamId/invites', body: createInviteRequestSchema },
  { method: 'GET', path: '/api/teams/:teamId/invites' },
  { method: 'DELETE', path: '/api/teams/:teamId/invites/:id' },
  { method: 'GET', path: '/api/invites/:token' },
  { method: 'POST', path: '/api/invites/:token/accept' },
  { method: 'POST', path: '/api/teams/:teamId/sessions', body: createTeamSessionRequestSchema },
  { method: 'GET', path: '/api/teams/:teamId/audit' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/assets/:id' },
  { method: 'GET', path: '/socket.io/' },
  { method: 'POST', path: '/socket.io/' },
  { method: 'GET', path: '/yjs/session/:sessionId/board' },
  { method: 'GET', path: '/api/:id' },
];

/** Path segments: real ones, and what a hostile client puts there instead. */
function segment(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(real) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString.map((text) => percentEncoded(text).slice(0, 4000)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%',
        '%zz',
        '%00',
        '%2e%2e',
        '..',
        '.',
        '%2F',
        '%252e',
        '%C0%AE',
        '%ED%A0%80',
        '%FF',
        'é',
        '\u00ff',
        real.toUpperCase(),
        `${real}%00`,
        `${real}/..`,
        `${real};x=1`,
        '__proto__',
        'constructor',
        'a'.repeat(8000),
      ),
    },
  );
}

const query = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '?before=1',
      '?before=-1',
      '?before=1e400',
      '?before=abc',
      '?before=1&before=2',
      '?__proto__[x]=1',
      '?constructor[prototype][x]=1',
      '?a=%',
      '?EIO=4&transport=polling',
      '?EIO=4&transport=polling&sid=bogus',
      '?EIO=3&transport=websocket',
      '?EIO=4&transport=x',
      `?${'a=1&'.repeat(2000)}`,
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(hostileString, hostileString)
      .map(
        ([key, value]) =>
          `?${percentEncoded(key).slice(0, 200)}=${percentEncoded(value).slice(0, 2000)}`,
      ),
  },
);

const contentTypes = fc.constantFrom(
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/jsonx',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
  ';',
);

const oddBody = fc.constantFrom(
  '',
  '{',
  '{"a":',
  'nul',
  'null',
  '[]',
  '"x"',
  '1',
  '\u0000',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"title":"a","title":"b"}',
  'a=1&b=2',
  '\ufeff{}',
);

const rawBody = fc.oneof(
  { weight: 2, arbitrary: hostileJson.map((value) => writeJson(value, () => null)) },
  { weight: 1, arbitrary: oddBody },
  { weight: 1, arbitrary: bulkyJson.map((value) => value.text) },
);

const oddCookies = fc.constantFrom(
  undefined,
  'rf_device=%',
  'rf_device=%zz; rf_session=%E0%A4%A',
  `rf_device=${'a'.repeat(43)}; rf_session=${'b'.repeat(43)}`,
  'rf_device=; rf_session=',
  '=; ;;=;',
  `rf_device=${'x'.repeat(9000)}`,
  '__proto__=1; constructor=2',
);

const oddOrigins = fc.constantFrom(
  'null',
  'https://evil.example',
  'http://127.0.0.1',
  '%',
  'http://[::1',
);

/** Header lines a browser would not send, up to Node's 16 KB header limit. */
const oddHeaders = fc.oneof(
  fc
    .integer({ min: 1, max: 12_000 })
    .map((size) => [['X-Filler', 'f'.repeat(size)]] as Array<[string, string]>),
  fc.constantFrom<Array<[string, string]>>(
    [['X-Forwarded-For', '10.0.0.1, 10.0.0.2']],
    [['Sec-Fetch-Site', 'cross-site']],
    [['Accept', 'text/html']],
    [['Accept-Encoding', 'gzip, br, deflate, x']],
    [['Range', 'bytes=0-1,5-9,1000000-']],
    [['If-None-Match', '*']],
    [['Content-Encoding', 'gzip']],
    [['Transfer-Encoding', 'chunked']],
    [['Content-Length', '-1']],
    [['Expect', '100-continue']],
    [
      ['Cookie', 'rf_device=x'],
      ['Cookie', 'rf_device=y'],
    ],
  ),
);

const methods = fc.constantFrom(
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'get',
  'M-SEARCH',
);

/** What a request changes from one the route would take. */
type Change =
  'body' | 'raw body' | 'path' | 'method' | 'content type' | 'cookie' | 'origin' | 'headers';

export type FuzzedRequest = Omit<RawRequest, 'from'> & { route: string; change: Change };

/**
 * A request to one of the server's routes that differs from one the route takes in one way: its
 * body (made from the route's schema, one thing wrong, or anything at all), its path or query, its
 * method, its content type, its cookie, its origin, or extra headers. One change at a time keeps
 * the rest right, so that each change reaches the code behind the checks before it.
 */
export function httpRequest(targets: HttpTargets, hints: FieldHints): fc.Arbitrary<FuzzedRequest> {
  const params: Record<string, string> = {
    ':sessionId': targets.sessionId,
    ':code': targets.joinCode,
    ':teamId': targets.teamId,
    ':userId': targets.userId,
    ':id': 'index.js',
    ':token': 'A'.repeat(43),
  };
  // Routes that parse a body get more of the runs: that is where the parsing is.
  const route = fc.oneof(
    ...routes.map((one) => ({ weight: one.body ? 3 : 1, arbitrary: fc.constant(one) })),
  );
  return route.chain((chosen) => {
    const names = chosen.path.match(/:[A-Za-z]+/g) ?? [];
    const real = names.map((name) => params[name] ?? 'x');
    const body = chosen.body
      ? payloadOf(chosen.body, hints).map(({ payload }) => writeJson(payload, () => null))
      : fc.constant('');
    const change = fc.oneof(
      { weight: chosen.body ? 5 : 0, arbitrary: fc.constant<Change>('body') },
      { weight: 1, arbitrary: fc.constant<Change>('raw body') },
      { weight: 2, arbitrary: fc.constant<Change>('path') },
      { weight: 1, arbitrary: fc.constant<Change>('method') },
      { weight: 1, arbitrary: fc.constant<Change>('content type') },
      { weight: 1, arbitrary: fc.constant<Change>('cookie') },
      { weight: 1, arbitrary: fc.constant<Change>('origin') },
      { weight: 1, arbitrary: fc.constant<Change>('headers') },
    );
    return fc
      .record({
        change,
        validBody: body,
        rawBody,
        segments: fc.tuple(...real.map(segment)),
        query,
        method: methods,
        type: contentTypes,
        cookie: oddCookies,
        origin: oddOrigins,
        headers: oddHeaders,
      })
      .map((drawn) => {
        const { change: what } = drawn;
        const method = what === 'method' ? drawn.method : chosen.method;
        const values = what === 'path' ? drawn.segments : real;
        let target = chosen.path;
        names.forEach((name, index) => (target = target.replace(name, values[index] ?? '')));
        if (what === 'path') target += drawn.query;
        const headers: Array<[string, string]> = [];
        const cookie =
          what === 'cookie' ? drawn.cookie : chosen.anonymousOnly ? undefined : targets.cookie;
        if (cookie !== undefined) headers.push(['Cookie', cookie]);
        if (what === 'origin') headers.push(['Origin', drawn.origin]);
        const sendsBody = method !== 'GET' && method !== 'HEAD';
        const sent = what === 'raw body' ? drawn.rawBody : drawn.validBody;
        if (sendsBody && sent !== '') {
          headers.push(['Content-Type', what === 'content type' ? drawn.type : 'application/json']);
        }
        if (what === 'headers') headers.push(...drawn.headers);
        return {
          route: `${chosen.method} ${chosen.path} (${what})`,
          change: what,
          method,
          target,
          headers,
          body: sendsBody ? sent : '',
        };
      });
  });
}
