import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { answerWithinMs, assertAlive, count, fail } from './fuzz-checks.ts';
import { fingerprintDiff, type FuzzServer } from './fuzz-server.ts';
import { hostileString, percentEncoded } from './hostile-values.ts';
import { exchange, sendRaw, type RawRequest } from './raw-http.ts';
import {
  hostileWebSocketFrames,
  standardHeaders,
  tryUpgrade,
  wireBytes,
  type Upgrade,
} from './raw-websocket.ts';

/**
 * Loopback addresses to send from, one per request in turn (127.0.0.2 to 127.0.0.251), so that the
 * per-IP limits on routes (10 sign-ins a minute, say) leave the fuzzer's requests to the routes
 * themselves. Where only 127.0.0.1 answers (macOS), that one: refusals as rate-limited then count.
 */
let loopbacks: string[] = ['127.0.0.1'];
let nextAddress = 0;

export async function useLoopbacks(port: number): Promise<void> {
  const probe = await exchange(
    port,
    '127.0.0.2',
    Buffer.from('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'),
    2000,
  );
  if (probe.received.startsWith('HTTP/1.1 200')) {
    loopbacks = Array.from({ length: 250 }, (_, index) => `127.0.0.${index + 2}`);
  }
}

export function nextLoopback(): string {
  nextAddress = (nextAddress + 1) % loopbacks.length;
  return loopbacks[nextAddress] ?? '127.0.0.1';
}

/**
 * Sends one request and checks: the process lives, the server answers within the time (or closes
 * a request it cannot read), never with a 5xx, and a request it refused wrote nothing.
 */
export async function attackHttp(
  server: FuzzServer,
  request: Omit<RawRequest, 'from'>,
): Promise<void> {
  assertAlive(server);
  const before = await server.fingerprint();
  const answer = await sendRaw(server.port, { ...request, from: nextLoopback() }, answerWithinMs);
  assertAlive(server);
  if (answer.kind === 'timeout') fail(`no answer within ${answerWithinMs} ms (a hang)`);
  count(answer.kind === 'answered' ? `http ${answer.status}` : 'http closed unanswered');
  if (answer.kind === 'answered' && answer.status >= 500) {
    fail(`answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
  if (answer.kind === 'closed' || answer.status >= 400) {
    const changed = fingerprintDiff(before, await server.fingerprint());
    if (changed.length > 0) fail(`a refused request wrote to the store: ${changed.join('; ')}`);
  }
}

/** Handshakes to the document endpoint, to Socket.IO, and to paths that are neither. */
export function upgradeRequest(sessionId: string, cookie: string): fc.Arbitrary<Upgrade> {
  const board = `/yjs/session/${sessionId}/board`;
  const target = fc.oneof(
    fc.constantFrom(
      board,
      board.toUpperCase(),
      `${board}/`,
      `${board}/../../board`,
      `/yjs/session/${sessionId}/facilitation`,
      `/yjs/session/${sessionId}/private/${sessionId}`,
      '/yjs/session/00000000-0000-4000-8000-000000000000/board',
      '/yjs/',
      '/yjs',
      '/yjs/%',
      '/yjs/%zz/%00',
      '/socket.io/?EIO=4&transport=websocket',
      '/socket.io/?EIO=4&transport=websocket&sid=nope',
      '/socket.io/?EIO=3&transport=websocket',
      '/socket.io/?EIO=4&transport=polling',
      '/socket.io/?transport=websocket',
      '/socket.io/x?EIO=4&transport=websocket',
      '/socket.io',
      '/',
      '*',
      'http://evil.example/yjs/session/x/board',
      '/api/sessions',
    ),
    fc
      .tuple(fc.constantFrom('/yjs/', '/socket.io/', '/'), hostileString)
      .map(([prefix, text]) => `${prefix}${percentEncoded(text).slice(0, 4000)}`),
    fc
      .tuple(fc.constantFrom(board, '/socket.io/'), hostileString)
      .map(([path, text]) => `${path}?${percentEncoded(text).slice(0, 4000)}=1`),
  );
  const change = fc.constantFrom<Array<(headers: Array<[string, string]>) => void>>(
    [],
    [(headers) => headers.splice(0, 1)],
    [(headers) => headers.splice(1, 1)],
    [(headers) => headers.splice(2, 1)],
    [(headers) => headers.splice(3, 1)],
    [(headers) => (headers[2] = ['Sec-WebSocket-Key', 'not a key'])],
    [(headers) => (headers[3] = ['Sec-WebSocket-Version', '8'])],
    [(headers) => (headers[3] = ['Sec-WebSocket-Version', 'x'])],
    [(headers) => (headers[0] = ['Upgrade', 'h2c'])],
    [(headers) => (headers[1] = ['Connection', 'keep-alive'])],
    [(headers) => headers.push(['Origin', 'https://evil.example'])],
    [(headers) => headers.push(['Origin', 'null'])],
    [(headers) => headers.push(['Sec-WebSocket-Protocol', ', , ,'])],
    [
      (headers) =>
        headers.push(['Sec-WebSocket-Extensions', 'permessage-deflate; client_max_window_bits=0']),
    ],
    [(headers) => headers.push(['Cookie', 'rf_device=%; rf_session=%zz'])],
  );
  const who = fc.constantFrom(
    cookie,
    undefined,
    `rf_device=${randomBytes(32).toString('base64url')}`,
  );
  return fc.record({ target, change, who }).map(({ target: path, change: edits, who: sent }) => {
    const headers = standardHeaders(sent);
    for (const edit of edits) edit(headers);
    return { what: `upgrade of ${path.slice(0, 80)}`, target: path, headers };
  });
}

/**
 * Tries a handshake and checks: the process lives, the server answers it within the time (a
 * switch, or a refusal that is not a 5xx) or closes it, and nothing was written.
 */
export async function attackUpgrade(
  server: FuzzServer,
  upgrade: Upgrade,
  frames: readonly Buffer[] = [],
): Promise<void> {
  assertAlive(server);
  const before = await server.fingerprint();
  const outcome = await tryUpgrade(
    server.port,
    nextLoopback(),
    upgrade,
    frames,
    answerWithinMs,
    50,
  );
  assertAlive(server);
  if (outcome.kind === 'timeout') fail(`the handshake got no answer within ${answerWithinMs} ms`);
  count(outcome.kind === 'answered' ? `upgrade ${outcome.status}` : 'upgrade closed unanswered');
  if (outcome.kind === 'answered' && outcome.status >= 500) {
    fail(`the handshake was answered ${outcome.status}: ${outcome.received.slice(0, 300)}`);
  }
  const changed = fingerprintDiff(before, await server.fingerprint());
  if (changed.length > 0) fail(`an upgrade wrote to the store: ${changed.join('; ')}`);
}

/** Frames below y-websocket, after a handshake that the server accepts. */
export function webSocketFrames(): fc.Arbitrary<{ what: string; bytes: Buffer[] }> {
  return fc.array(hostileWebSocketFrames, { minLength: 1, maxLength: 3 }).map((groups) => ({
    what: groups.map((group) => group.what).join(' + '),
    bytes: groups.flatMap((group) => group.frames.map(wireBytes)),
  }));
}
