import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** Header names lower-cased; a repeated header keeps every value. */
  headers: Map<string, string[]>;
  body: string;
}

export interface RawRequest {
  method: string;
  /** The request target exactly as it goes on the wire: no normalising, no encoding. */
  target: string;
  /** Sent in this order, repeats allowed; `Host` defaults to the server's address. */
  headers?: Array<[string, string]>;
  body?: string;
}

/**
 * One HTTP/1.1 request written by hand on a TCP socket, so that what an attacker would send
 * (percent-encoded or absolute-form targets, dot segments, repeated headers, a forged Host)
 * reaches the server unchanged: fetch and node:http normalise or refuse some of it.
 */
export function rawRequest(port: number, request: RawRequest): Promise<RawAnswer> {
  const headers = request.headers ?? [];
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  if (!headers.some(([name]) => name.toLowerCase() === 'host'))
    lines.push(`Host: 127.0.0.1:${port}`);
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  const body = Buffer.from(request.body ?? '');
  if (request.body !== undefined) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.write(Buffer.concat([Buffer.from(lines.join('\r\n')), body]));
  });
}

function parseAnswer(bytes: Buffer): RawAnswer {
  const split = bytes.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`not an HTTP answer: ${bytes.subarray(0, 200).toString()}`);
  const [statusLine = '', ...headerLines] = bytes
    .subarray(0, split)
    .toString('latin1')
    .split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = new Map<string, string[]>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  let body = bytes.subarray(split + 4);
  if (headers.get('transfer-encoding')?.includes('chunked')) body = unchunk(body);
  return { status, headers, body: body.toString('utf8') };
}

function unchunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let rest = bytes;
  for (;;) {
    const end = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, end).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(rest.subarray(end + 2, end + 2 + size));
    rest = rest.subarray(end + 2 + size + 2);
  }
}
