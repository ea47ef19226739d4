import fc from 'fast-check';
import { io } from 'socket.io-client';
import { answerWithinMs, assertAlive, brief, count, fail } from './fuzz-checks.ts';
import { fingerprintDiff, type FuzzServer } from './fuzz-server.ts';
import { hostileJson, hostileKey, objectWith } from './hostile-values.ts';

/**
 * Socket.IO's other ways in: the handshake (its `auth`, cookie and query) and the long-polling
 * transport, which carries the same packets as the WebSocket in HTTP bodies.
 */

/** A Socket.IO handshake: what `socket.handshake.auth` holds, the Cookie header and the query. */
export interface Handshake {
  what: string;
  auth: unknown;
  cookie: string | undefined;
  query: Record<string, string>;
}

export function handshakeFrame(
  sessionIds: readonly string[],
  attackerCookie: string,
): fc.Arbitrary<Handshake> {
  const sessionId = fc.oneof(
    fc.constantFrom(...sessionIds, ...sessionIds.map((id) => id.toUpperCase())),
    fc.uuid(),
    hostileJson,
  );
  const auth = fc.oneof(
    { weight: 3, arbitrary: sessionId.map((id) => ({ sessionId: id })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(sessionId, fc.array(fc.tuple(hostileKey, hostileJson), { maxLength: 3 }))
        .map(([id, extra]) => objectWith([['sessionId', id], ...extra])),
    },
    { weight: 1, arbitrary: hostileJson },
  );
  const cookie = fc.constantFrom(
    attackerCookie,
    attackerCookie,
    undefined,
    'rf_device=%zz',
    `rf_device=${'A'.repeat(43)}`,
    `${attackerCookie}; ${attackerCookie.replace(/=.*/, '=other')}`,
  );
  const query = fc.dictionary(
    fc.constantFrom('EIO', 'transport', 'sid', 'sessionId', '__proto__', 'x'),
    fc.string({ maxLength: 20 }),
    { maxKeys: 2 },
  );
  return fc.record({ auth, cookie, query }).map((handshake) => ({
    what: `a handshake with auth ${brief(handshake.auth).slice(0, 80)}`,
    ...handshake,
  }));
}

/**
 * Opens a Socket.IO connection with this handshake and checks: the process lives, the server
 * answers within the time, it lets in only a browser that joined the session named (in any
 * spelling), and it writes nothing.
 */
export async function attackHandshake(
  server: FuzzServer,
  handshake: Handshake,
  attackerCookie: string,
  sessionIds: readonly string[],
): Promise<void> {
  assertAlive(server);
  const before = await server.fingerprint();
  const socket = io(server.baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: answerWithinMs,
    auth: handshake.auth as Record<string, unknown>,
    query: handshake.query,
    extraHeaders: handshake.cookie === undefined ? {} : { cookie: handshake.cookie },
  });
  const outcome = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), answerWithinMs + 1000);
    const done = (result: string) => {
      clearTimeout(timer);
      resolve(result);
    };
    socket.once('connect', () => done('connected'));
    socket.once('connect_error', () => done('refused'));
    socket.io.once('close', () => done('closed'));
  });
  socket.close();
  assertAlive(server);
  count(`handshake ${outcome}`);
  if (outcome === 'timeout') fail('the handshake got no answer (a hang)');
  if (outcome === 'connected') {
    const auth = handshake.auth as { sessionId?: unknown } | null;
    const named = typeof auth?.sessionId === 'string' ? auth.sessionId.toLowerCase() : undefined;
    // The first device cookie counts (readCookie), so a second one after the attacker's is moot.
    const joined = handshake.cookie?.startsWith(attackerCookie) === true;
    if (!joined || !named || !sessionIds.includes(named)) {
      fail('a browser was let into a session it has not joined');
    }
  }
  const changed = fingerprintDiff(before, await server.fingerprint());
  if (changed.length > 0) fail(`a handshake wrote to the store: ${changed.join('; ')}`);
}

/** Socket.IO over HTTP long-polling, driven by hand: the same packets on another transport. */
export class PollingSession {
  private sid: string | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly sessionId: string,
  ) {}

  private url(sid?: string): string {
    return `${this.baseUrl}/socket.io/?EIO=4&transport=polling${sid ? `&sid=${sid}` : ''}`;
  }

  /** Opens an Engine.IO session and connects it as the attacker, if it is not open. */
  async open(): Promise<string> {
    if (this.sid) return this.sid;
    const opened = await fetch(this.url(), { headers: { cookie: this.cookie } });
    const text = await opened.text();
    const sid = /"sid":"([^"]+)"/.exec(text)?.[1];
    if (!sid) fail(`no polling session: ${opened.status} ${text.slice(0, 200)}`);
    const connected = await this.post(sid, `40${JSON.stringify({ sessionId: this.sessionId })}`);
    if (connected.status !== 200) fail(`polling connect answered ${connected.status}`);
    const accepted = await fetch(this.url(sid), {
      headers: { cookie: this.cookie },
      signal: AbortSignal.timeout(answerWithinMs),
    });
    const answer = await accepted.text();
    if (!answer.includes('40{"sid"'))
      fail(`polling connect was not accepted: ${answer.slice(0, 200)}`);
    this.sid = sid;
    return sid;
  }

  async post(sid: string, body: string): Promise<{ status: number; text: string }> {
    const response = await fetch(this.url(sid), {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'text/plain;charset=UTF-8' },
      body,
      signal: AbortSignal.timeout(answerWithinMs),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Forgets the session (the server closed it); the next `open` makes another. */
  drop(): void {
    this.sid = undefined;
  }
}

/** A polling payload: packets joined by the record separator, as Engine.IO frames them. */
export function pollingPayload(
  frames: fc.Arbitrary<string>,
): fc.Arbitrary<{ what: string; body: string }> {
  return fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: frames.map((packet) => `4${packet}`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('2', '3', '5', '6', '1', '9x', 'bAAAA', 'b!!', ''),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((packets) => ({
      what: `${packets.length} packets over polling`,
      body: packets.join('\x1e'),
    }));
}

/**
 * Posts one payload on the attacker's polling session and checks: the process lives, the post is
 * answered within the time, never with a 5xx, and the server logged no error.
 */
export async function attackPolling(
  server: FuzzServer,
  polling: PollingSession,
  payload: { body: string },
): Promise<void> {
  assertAlive(server);
  const sid = await polling.open();
  let answer: { status: number; text: string };
  try {
    answer = await polling.post(sid, payload.body);
  } catch (error) {
    return fail(`the post got no answer: ${String(error)}`);
  }
  count(`polling ${answer.status}`);
  if (answer.status >= 500) fail(`answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  if (answer.status !== 200) polling.drop();
  // The server may have closed the session by the packets it was sent: a fresh one next time.
  if (payload.body.split('\x1e').some((packet) => packet.startsWith('1'))) polling.drop();
  assertAlive(server);
}
