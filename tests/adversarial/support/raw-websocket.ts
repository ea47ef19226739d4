import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { hostileString } from './hostile-values.ts';
import { statusOf } from './raw-http.ts';

/**
 * WebSocket handshakes and frames written byte by byte, for what a WebSocket library refuses to
 * send: handshakes with missing or wrong headers, unmasked frames, reserved opcodes and bits,
 * lengths that lie, control frames that are too long, text that is not UTF-8.
 */

export interface Upgrade {
  what: string;
  target: string;
  headers: Array<[string, string]>;
}

export function upgradeBytes(upgrade: Upgrade, port: number): Buffer {
  const lines = [`GET ${upgrade.target} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  for (const [name, value] of upgrade.headers) lines.push(`${name}: ${value}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

export function standardHeaders(cookie: string | undefined): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Key', randomBytes(16).toString('base64')],
    ['Sec-WebSocket-Version', '13'],
  ];
  if (cookie) headers.push(['Cookie', cookie]);
  return headers;
}

export interface WebSocketFrame {
  fin: boolean;
  rsv: number;
  opcode: number;
  masked: boolean;
  payload: Uint8Array;
  /** A length to announce instead of the payload's. */
  announced?: number;
}

export function frameBytes(frame: WebSocketFrame): Buffer {
  const length = frame.announced ?? frame.payload.length;
  const head: number[] = [(frame.fin ? 0x80 : 0) | ((frame.rsv & 7) << 4) | (frame.opcode & 15)];
  const maskBit = frame.masked ? 0x80 : 0;
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) head.push(maskBit | 126, length >> 8, length & 255);
  else {
    head.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(...big);
  }
  const mask = frame.masked ? [1, 2, 3, 4] : [];
  const payload = Buffer.from(frame.payload).map((byte, index) =>
    frame.masked ? byte ^ (mask[index % 4] ?? 0) : byte,
  );
  return Buffer.concat([Buffer.from([...head, ...mask]), payload]);
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text));

/** Frames that break the WebSocket protocol, or bend it. */
export const hostileWebSocketFrames: fc.Arbitrary<{
  what: string;
  frames: readonly WebSocketFrame[];
}> = fc.oneof(
  fc
    .record({
      fin: fc.boolean(),
      rsv: fc.nat({ max: 7 }),
      opcode: fc.nat({ max: 15 }),
      masked: fc.boolean(),
      payload: fc.uint8Array({ maxLength: 200 }),
    })
    .map((frame) => ({
      what: `opcode ${frame.opcode}, rsv ${frame.rsv}, fin ${frame.fin}, masked ${frame.masked}, ${frame.payload.length} bytes`,
      frames: [frame],
    })),
  fc.constantFrom<{ what: string; frames: WebSocketFrame[] }>(
    {
      what: 'a frame announcing 2^53 bytes',
      frames: [
        {
          fin: true,
          rsv: 0,
          opcode: 2,
          masked: true,
          payload: new Uint8Array(4),
          announced: 2 ** 53 - 1,
        },
      ],
    },
    {
      what: 'a frame announcing 70 KB (over the cap)',
      frames: [
        {
          fin: true,
          rsv: 0,
          opcode: 2,
          masked: true,
          payload: new Uint8Array(8),
          announced: 70_000,
        },
      ],
    },
    {
      what: 'a ping of 200 bytes (control frames hold at most 125)',
      frames: [{ fin: true, rsv: 0, opcode: 9, masked: true, payload: new Uint8Array(200) }],
    },
    {
      what: 'a fragmented ping',
      frames: [{ fin: false, rsv: 0, opcode: 9, masked: true, payload: new Uint8Array(2) }],
    },
    {
      what: 'a continuation with nothing to continue',
      frames: [{ fin: true, rsv: 0, opcode: 0, masked: true, payload: Uint8Array.of(0, 0) }],
    },
    {
      what: 'a binary message in 3 fragments (a sync step 1)',
      frames: [
        { fin: false, rsv: 0, opcode: 2, masked: true, payload: Uint8Array.of(0) },
        { fin: false, rsv: 0, opcode: 0, masked: true, payload: Uint8Array.of(0) },
        { fin: true, rsv: 0, opcode: 0, masked: true, payload: Uint8Array.of(0) },
      ],
    },
    {
      what: 'fragments whose total passes the cap',
      frames: Array.from({ length: 3 }, (_, index) => ({
        fin: index === 2,
        rsv: 0,
        opcode: index === 0 ? 2 : 0,
        masked: true,
        payload: new Uint8Array(30_000),
      })),
    },
    {
      what: 'text that is not UTF-8',
      frames: [
        { fin: true, rsv: 0, opcode: 1, masked: true, payload: Uint8Array.of(0xc3, 0x28, 0xff) },
      ],
    },
    {
      what: 'a close with code 999 and a reason that is not UTF-8',
      frames: [
        { fin: true, rsv: 0, opcode: 8, masked: true, payload: Uint8Array.of(3, 231, 0xff) },
      ],
    },
    {
      what: 'a close of one byte',
      frames: [{ fin: true, rsv: 0, opcode: 8, masked: true, payload: Uint8Array.of(3) }],
    },
    {
      what: 'a compressed frame (no extension was agreed)',
      frames: [{ fin: true, rsv: 4, opcode: 2, masked: true, payload: Uint8Array.of(0, 0) }],
    },
  ),
  hostileString.map((text) => ({
    what: 'a text frame',
    frames: [{ fin: true, rsv: 0, opcode: 1, masked: true, payload: utf8(text.slice(0, 60_000)) }],
  })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
    what: 'bytes that are no frame',
    frames: [{ fin: true, rsv: 0, opcode: 2, masked: true, payload: bytes, announced: -1 }],
  })),
);

/** A frame's bytes, or the raw payload when it announces -1 (bytes that are no frame at all). */
export function wireBytes(frame: WebSocketFrame): Buffer {
  return frame.announced === -1 ? Buffer.from(frame.payload) : frameBytes(frame);
}

export type UpgradeOutcome =
  | { kind: 'answered'; status: number; received: string }
  | { kind: 'closed'; received: string }
  | { kind: 'timeout'; received: string };

/**
 * Sends a handshake, then (if the server switched protocols) the frames, and watches for
 * `lingerMs`. Resolves with the handshake's status, or how the connection ended without one.
 */
export function tryUpgrade(
  port: number,
  from: string,
  upgrade: Upgrade,
  frames: readonly Buffer[],
  timeoutMs: number,
  lingerMs: number,
): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress: from });
    let received = '';
    let status: number | undefined;
    let settled = false;
    const finish = (outcome: UpgradeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish(
          status === undefined
            ? { kind: 'timeout', received }
            : { kind: 'answered', status, received },
        ),
      timeoutMs,
    );
    socket.on('connect', () => socket.write(upgradeBytes(upgrade, port)));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (status !== undefined) return;
      status = statusOf(received);
      if (status === undefined) return;
      if (status !== 101) return finish({ kind: 'answered', status, received });
      for (const frame of frames) socket.write(frame);
      const answered = status;
      setTimeout(() => finish({ kind: 'answered', status: answered, received }), lingerMs);
    });
    socket.on('error', () => undefined);
    socket.on('close', () =>
      finish(
        status === undefined
          ? { kind: 'closed', received }
          : { kind: 'answered', status, received },
      ),
    );
  });
}
