import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: percent-encoding, dot segments and odd bytes included. */
  target: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
  /** A loopback address to send from (127.0.0.2 …), so that per-IP rate limits count apart. */
  from: string;
}

export type RawAnswer =
  | { kind: 'answered'; status: number; head: string; body: string }
  /** The server closed the connection without a response (a request it could not read). */
  | { kind: 'closed' }
  | { kind: 'timeout' };

/** The bytes of a request, with Host, Connection: close and a Content-Length unless given. */
export function requestBytes(request: RawRequest, port: number): Buffer {
  const named = new Set(request.headers.map(([name]) => name.toLowerCase()));
  const content = Buffer.from(request.body);
  // A chunked body is sent chunked and whole: a request the client never finishes is not the
  // server's to answer.
  const body = named.has('transfer-encoding')
    ? Buffer.concat([
        Buffer.from(`${content.length.toString(16)}\r\n`),
        content,
        Buffer.from('\r\n0\r\n\r\n'),
      ])
    : content;
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  if (!named.has('connection')) lines.push('Connection: close');
  if (!named.has('content-length') && !named.has('transfer-encoding') && body.length > 0) {
    lines.push(`Content-Length: ${body.length}`);
  }
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/**
 * Sends bytes over a fresh TCP connection and reads until the server closes it or `until` says the
 * answer so far is enough (an upgrade answered 101 stays open).
 */
export function exchange(
  port: number,
  from: string,
  bytes: Buffer,
  timeoutMs: number,
  until: (received: string) => boolean = () => false,
): Promise<{ received: string; ended: 'closed' | 'enough' | 'timeout' }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: from });
    let received = '';
    let done = false;
    const finish = (ended: 'closed' | 'enough' | 'timeout') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received, ended });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (until(received)) finish('enough');
    });
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
  });
}

/** `received` without the informational answers before the response (100 Continue; not 101). */
function finalResponse(received: string): string {
  let rest = received;
  while (/^HTTP\/1\.[01] 1(0[02-9]|[1-9]\d) /.test(rest) && rest.includes('\r\n\r\n')) {
    rest = rest.slice(rest.indexOf('\r\n\r\n') + 4);
  }
  return rest;
}

/** Status of the response in `received`, if it holds a whole head. */
export function statusOf(received: string): number | undefined {
  const response = finalResponse(received);
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return match && response.includes('\r\n\r\n') ? Number(match[1]) : undefined;
}

/** Whether `received` holds a whole response (by its Content-Length, or a last chunk). */
function isComplete(answer: string): boolean {
  const received = finalResponse(answer);
  const split = received.indexOf('\r\n\r\n');
  if (split < 0) return false;
  const head = received.slice(0, split);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) return Buffer.byteLength(received.slice(split + 4), 'latin1') >= Number(length[1]);
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) return received.endsWith('0\r\n\r\n');
  return false;
}

/** Sends one request and reads its answer (the server closes after it: Connection: close). */
export async function sendRaw(
  port: number,
  request: RawRequest,
  timeoutMs: number,
): Promise<RawAnswer> {
  const { received, ended } = await exchange(
    port,
    request.from,
    requestBytes(request, port),
    timeoutMs,
    isComplete,
  );
  const status = statusOf(received);
  if (status !== undefined) {
    const response = finalResponse(received);
    const split = response.indexOf('\r\n\r\n');
    return {
      kind: 'answered',
      status,
      head: response.slice(0, split),
      body: response.slice(split + 4),
    };
  }
  return ended === 'timeout' ? { kind: 'timeout' } : { kind: 'closed' };
}
