import {
  DocCloseCode,
  boardDocName,
  type BoardOpenResult,
  purgedCloseReason,
} from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import type { RealtimeLimits } from './realtime-limits.ts';
import { ReplicaLink, type RefusalSink, type ReplicaTransport } from './replica-link.ts';

/** The part of a Socket.IO socket the carriage uses. */
export interface CarrierSocket {
  readonly disconnected: boolean;
  emit(event: 'yjs', message: Uint8Array): unknown;
  emit(event: 'yjs:close', close: { code: number; reason: string }): unknown;
}

export interface CarriageContext extends RefusalSink {
  readonly sessionId: string;
  readonly participantId: string;
  readonly rooms: RoomRegistry;
  readonly log: FastifyBaseLogger;
  readonly limits: RealtimeLimits;
}

export type CarriageEvent = 'yjs' | 'yjs:open' | 'yjs:close';

export function isCarriageEvent(event: string): event is CarriageEvent {
  return event === 'yjs' || event === 'yjs:open' || event === 'yjs:close';
}

function bytesOf(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value; // a Buffer in Node
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

/**
 * The session's board carried over the person's Socket.IO connection, so that a participant holds
 * one connection rather than two (bench S1). It speaks the y-websocket protocol of /yjs/<doc> in
 * `yjs` events and leaves its rules to `ReplicaLink`; what it adds is the replica's lifetime on a
 * connection that outlives it: opened by `yjs:open` (acked before any message flows), ended by
 * `yjs:close` from either side or by the disconnect. Messages that arrive while no replica is open
 * are dropped: they were sent by a replica the server has already closed. Created on the first
 * `yjs:open`, so a connection that never opens the board pays nothing for it.
 */
export class BoardCarriage implements ReplicaTransport {
  private link: ReplicaLink | undefined;
  /** Counts opens and closes, so that an open still looking up its room knows it was superseded. */
  private turn = 0;

  constructor(
    private readonly socket: CarrierSocket,
    private readonly context: CarriageContext,
  ) {}

  handle(event: CarriageEvent, args: readonly unknown[]): void {
    if (event === 'yjs') {
      // One argument, binary: anything else is a text frame's equivalent.
      const bytes = args.length === 1 ? bytesOf(args[0]) : undefined;
      this.link?.receive(bytes);
      return;
    }
    this.turn += 1;
    this.link?.detach();
    this.link = undefined;
    // Opens and closes draw on the person's board budget. A close is honoured whatever is left:
    // it only ends what an open started, and the room keeps the person's presence meanwhile.
    const { sessionId, participantId, limits } = this.context;
    const allowed = limits.boardOpen(sessionId, participantId);
    if (event === 'yjs:open') {
      const ack = args.at(-1);
      if (typeof ack !== 'function') {
        this.context.refused('board opened without an ack callback');
        return;
      }
      if (!allowed) {
        this.context.refused('board opened too often');
        return (ack as (result: BoardOpenResult) => void)({
          ok: false,
          code: DocCloseCode.tryAgainLater,
          reason: 'the board was opened too often; reconnect shortly',
        });
      }
      this.open(args[0], ack as (result: BoardOpenResult) => void);
    }
  }

  /** The connection ended: the replica goes with it. */
  end(): void {
    this.turn += 1;
    this.link?.detach();
    this.link = undefined;
  }

  send(message: Uint8Array): void {
    this.socket.emit('yjs', message);
  }

  close(code: number, reason: string): void {
    this.link = undefined;
    this.socket.emit('yjs:close', { code, reason });
  }

  private open(docName: unknown, ack: (result: BoardOpenResult) => void): void {
    const context = this.context;
    const { sessionId, participantId, rooms, log } = context;
    if (docName !== boardDocName(sessionId)) {
      context.refused('unknown document');
      return ack({
        ok: false,
        code: DocCloseCode.badMessage,
        reason: "this connection carries its session's board only",
      });
    }
    const turn = this.turn;
    rooms
      .get(sessionId)
      .then((room) => {
        if (turn !== this.turn || this.socket.disconnected) {
          return ack({ ok: false, code: 1000, reason: 'superseded' });
        }
        // The person is in the session, so it exists: retention deleted its board.
        if (!room) return ack({ ok: false, code: DocCloseCode.purged, reason: purgedCloseReason });
        if (!Object.hasOwn(room.state.participants, participantId)) {
          return ack({
            ok: false,
            code: DocCloseCode.revoked,
            reason: 'you were removed from this session',
          });
        }
        // Acked first: the room greets a new replica with presence as it attaches.
        ack({ ok: true });
        this.link = ReplicaLink.open(room, participantId, this, context, context.limits);
      })
      .catch((error: unknown) => {
        log.error({ err: error, sessionId }, 'could not open the carried board');
        ack({
          ok: false,
          code: DocCloseCode.unavailable,
          reason: 'the board is unavailable; reconnect shortly',
        });
      });
  }
}
