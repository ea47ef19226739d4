import { DocCloseCode, boardDocName } from '@reflectory/shared';
import fc from 'fast-check';
import type { ArenaSession } from './fuzz-arena.ts';
import { answerWithinMs, assertAlive, brief, count, fail, type FrameHooks } from './fuzz-checks.ts';
import { fingerprintDiff, type FuzzServer } from './fuzz-server.ts';
import { binaryBlob, hostileString, hostileValue } from './hostile-values.ts';
import {
  HandshakeRefused,
  MessageType,
  RawDocSocket,
  decodeServerMessage,
} from './raw-doc-socket.ts';
import type { RawSocketIo } from './raw-socket-io.ts';
import type { SocketFrame } from './socket-frames.ts';
import { yjsFrame } from './yjs-bytes.ts';

/** How a replica may be closed for what its client sent: never "reloading" or "gone". */
const closesForInput = new Set<number>([
  DocCloseCode.badMessage,
  DocCloseCode.readOnly,
  DocCloseCode.rateLimited,
  // "Try again later": the person opened or resynced the board more often than their budget.
  1013,
]);

type EventFrame = Extract<SocketFrame, { kind: 'event' }>;

/**
 * The board carried over Socket.IO: `yjs` messages (y-websocket bytes, or anything else), and
 * `yjs:open` and `yjs:close` with any arguments. `sessionIds` are documents the attacker may name.
 */
export function carriageFrame(sessionIds: readonly string[]): fc.Arbitrary<EventFrame> {
  const docName = fc.oneof(
    fc.constantFrom(...sessionIds.map(boardDocName)),
    fc.constantFrom(
      ...sessionIds.map((id) => `session/${id}/facilitation`),
      ...sessionIds.map((id) => boardDocName(id.toUpperCase())),
      'session/00000000-0000-4000-8000-000000000000/board',
    ),
    hostileValue,
  );
  return fc.oneof(
    {
      weight: 10,
      arbitrary: yjsFrame.map(({ what, bytes }) => ({
        kind: 'event' as const,
        what: `yjs: ${what}`,
        name: 'yjs',
        args: [bytes],
        ack: false,
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          args: fc.array(fc.oneof(hostileValue, binaryBlob, hostileString), { maxLength: 3 }),
          ack: fc.boolean(),
        })
        .map(({ args, ack }) => ({
          kind: 'event' as const,
          what: `yjs with ${args.length} arguments that are not one message`,
          name: 'yjs',
          args,
          ack,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          name: docName,
          extra: fc.array(hostileValue, { maxLength: 2 }),
          ack: fc.boolean(),
        })
        .map(({ name, extra, ack }) => ({
          kind: 'event' as const,
          what: `yjs:open of ${brief(name).slice(0, 60)}`,
          name: 'yjs:open',
          args: [name, ...extra],
          ack,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ args: fc.array(hostileValue, { maxLength: 2 }), ack: fc.boolean() })
        .map(({ args, ack }) => ({
          kind: 'event' as const,
          what: 'yjs:close',
          name: 'yjs:close',
          args,
          ack,
        })),
    },
  );
}

/** Which attacker connections hold an open board, since which of their received events. */
const openBoards = new WeakMap<RawSocketIo, number>();

function openBoard(socket: RawSocketIo, session: ArenaSession) {
  const id = socket.ackId();
  const answer = socket.waitForAck(id, answerWithinMs);
  socket.write([`2${id}${JSON.stringify(['yjs:open', boardDocName(session.sessionId)])}`]);
  return answer;
}

function isOpenRefusedForRate(opened: Awaited<ReturnType<typeof openBoard>>): boolean {
  if (opened.kind !== 'ack') return false;
  const [result] = opened.args as Array<{ ok?: unknown; code?: unknown } | undefined>;
  return result?.ok === false && result.code === 1013;
}

function isOpen(socket: RawSocketIo): boolean {
  const since = openBoards.get(socket);
  if (since === undefined || !socket.connected) return false;
  return !socket.events.slice(since).some((event) => event.name === 'yjs:close');
}

/**
 * Hooks for a carried-board frame: a `yjs` message goes to an open board (opened first if need
 * be, as the browser does); afterwards every message the server sent must be a y-websocket
 * message it could have sent, and any close must be one for bad input.
 */
export function carriageHooks(session: ArenaSession, frame: EventFrame): FrameHooks {
  return {
    async prepare(socket) {
      if (frame.name !== 'yjs') {
        openBoards.delete(socket);
        return;
      }
      if (isOpen(socket)) return;
      let opened = await openBoard(socket, session);
      // Past the person's budget of board opens (1013, "reconnect shortly"), wait for the next.
      for (let attempt = 0; attempt < 20 && isOpenRefusedForRate(opened); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 600));
        opened = await openBoard(socket, session);
      }
      if (opened.kind !== 'ack' || brief(opened.args) !== brief([{ ok: true }])) {
        fail(`the attacker's own board did not open: ${brief(opened)}`);
      }
      openBoards.set(socket, socket.events.length);
    },
    check(events) {
      for (const event of events) {
        if (event.name === 'yjs') {
          const bytes = event.args[0];
          if (!(bytes instanceof ArrayBuffer || bytes instanceof Uint8Array)) {
            fail(`the server sent a yjs event without bytes: ${brief(event.args)}`);
          }
          decodeServerMessage(new Uint8Array(bytes));
        }
        if (event.name === 'yjs:close') {
          const close = event.args[0] as { code?: unknown } | undefined;
          count(`board closed ${String(close?.code)}`);
          if (typeof close?.code !== 'number' || !closesForInput.has(close.code)) {
            fail(`the board was closed with ${brief(event.args)}`);
          }
        }
      }
    },
  };
}

/** One frame at /yjs/<doc>: a binary y-websocket message, or a text frame. */
export type DocFrame = { what: string; data: Uint8Array | string };

const maxMessageBytes = 64 * 1024;

export const docFrame: fc.Arbitrary<DocFrame> = fc.oneof(
  { weight: 8, arbitrary: yjsFrame.map(({ what, bytes }) => ({ what, data: bytes })) },
  {
    weight: 1,
    arbitrary: hostileString.map((text) => ({ what: 'a text frame', data: text.slice(0, 30_000) })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: maxMessageBytes + 1, max: 100_000 }).map((size) => ({
      what: `${size} bytes (over the cap)`,
      data: new Uint8Array(size).fill(MessageType.sync),
    })),
  },
);

/** Close codes for what a client sent at /yjs/<doc>: ours, and the WebSocket's own for a frame too big. */
const docClosesForInput = new Set<number>([...closesForInput, 1009]);

/** The attacker's WebSocket at /yjs/<doc>, opened again whenever the server closes it. */
export class DocSockets {
  private socket: RawDocSocket | undefined;

  constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  async open(): Promise<RawDocSocket> {
    if (this.socket?.isOpen && this.socket.closeEvent === undefined) return this.socket;
    this.socket?.close();
    // Board opens are limited per person (2 a second, bursts of 20): the fuzzer reopens after
    // every close, so past the budget it waits for the next one, as y-websocket's backoff does.
    for (let attempt = 0; ; attempt += 1) {
      try {
        this.socket = await RawDocSocket.open(this.url, { cookie: this.cookie });
        return this.socket;
      } catch (error) {
        if (!(error instanceof HandshakeRefused) || error.status !== 429 || attempt >= 20)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 600));
      }
    }
  }

  close(): void {
    this.socket?.close();
  }
}

/**
 * Sends one frame to the document endpoint, then asks for awareness (answered in order, so its
 * answer shows the frame was handled) and checks: the process lives, a close is one for bad
 * input, and nothing was written.
 */
export async function attackDocSocket(
  server: FuzzServer,
  sockets: DocSockets,
  frame: DocFrame,
): Promise<void> {
  assertAlive(server);
  const socket = await sockets.open();
  const before = await server.fingerprint();
  const answered = socket.count('awareness');
  if (typeof frame.data === 'string') socket.sendText(frame.data);
  else socket.send(frame.data);
  socket.send(Uint8Array.of(MessageType.queryAwareness));
  const deadline = Date.now() + answerWithinMs;
  while (socket.count('awareness') === answered && socket.closeEvent === undefined) {
    if (Date.now() > deadline) fail('the document socket stopped answering (a hang)');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const close = socket.closeEvent;
  count(close ? `document socket closed ${close.code}` : 'document socket answered');
  // Past the cap the server may drop the connection without waiting to close it cleanly.
  const oversized = typeof frame.data !== 'string' && frame.data.length > maxMessageBytes;
  if (close && !docClosesForInput.has(close.code) && !(oversized && close.code === 1006)) {
    fail(`the document socket was closed with ${close.code} ${close.reason}`);
  }
  assertAlive(server);
  const changed = fingerprintDiff(before, await server.fingerprint());
  if (changed.length > 0) fail(`a document frame wrote to the store: ${changed.join('; ')}`);
}
