import {
  ErrorCode,
  commandSchemas,
  fail,
  purgedBoardMessage,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type FacilitatorView,
  type PrivateView,
  type ServerToClientEvents,
} from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import { parseInput } from '../http/parse.ts';
import { ackData, toSessionCommand } from '../sessions/command-mapping.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import type { SessionRoom, ViewSink } from '../sessions/room.ts';
import { BoardCarriage, isCarriageEvent } from './board-carriage.ts';
import type { RealtimeLimits } from './realtime-limits.ts';
import { refusalLogger } from './refusal-log.ts';

export interface SocketData {
  sessionId: string;
  participantId: string;
}

export type CommandSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/**
 * Drops what the connection's handshake request holds once authentication has used it: its headers
 * (the device cookie among them), raw headers, URL and query. engine.io keeps the request for the
 * connection's life (`socket.conn.request`, and its WebSocketResponse's close listener), and
 * Socket.IO's `socket.handshake` shares its headers and query, though neither reads them after the
 * handshake; here they were ~1 KB of strings per idle participant (bench S1). Nothing here reads
 * `socket.handshake` or `socket.request` after `io.use` has authenticated the connection: keep it so.
 */
function releaseHandshake(socket: CommandSocket): void {
  const request = socket.request;
  request.headers = {};
  request.rawHeaders = [];
  request.url = '';
  socket.handshake.headers = request.headers;
  socket.handshake.query = {};
  socket.handshake.url = '';
  socket.handshake.time = '';
}

const rateLimitedMessages = {
  person: 'Too many actions at once; please slow down a little.',
  session: 'This board is busy right now; please try again in a moment.',
} as const;

function isCommandName(event: string): event is CommandName {
  return Object.hasOwn(commandSchemas, event);
}

/**
 * One authenticated Socket.IO connection: its commands (rate-limited, parsed, run through the
 * session's room, acked), the person's views pushed to it, and the board carried over it.
 *
 * A class rather than closures, for memory (bench S1): the server runs under tsx, whose esbuild
 * transform keeps function names (`keepNames`) by defining `name` on every named function it
 * creates, so each named closure made per connection cost its own property array (~0.3 KB each).
 * Methods live on the prototype; a connection holds two anonymous listeners and its fields.
 */
export class CommandConnection implements ViewSink {
  readonly sessionId: string;
  readonly participantId: string;
  private room: SessionRoom | undefined;
  private board: BoardCarriage | undefined;
  private refusals: ReturnType<typeof refusalLogger> | undefined;

  constructor(
    private readonly socket: CommandSocket,
    readonly rooms: RoomRegistry,
    readonly log: FastifyBaseLogger,
    readonly limits: RealtimeLimits,
  ) {
    this.sessionId = socket.data.sessionId;
    this.participantId = socket.data.participantId;
  }

  start(): void {
    const socket = this.socket;
    releaseHandshake(socket);
    void socket.join(this.sessionId);
    // The person's own views follow them on this connection.
    this.rooms
      .get(this.sessionId)
      .then((room) => {
        if (socket.disconnected) return;
        // The person is in the session, so it exists: retention deleted its board.
        if (!room) return this.revoke(purgedBoardMessage);
        this.room = room;
        room.addSink(this);
      })
      .catch((error: unknown) =>
        this.log.warn({ err: error, sessionId: this.sessionId }, 'could not send views'),
      );
    socket.on('disconnect', () => this.end());
    // One dispatcher per connection rather than a listener per command: with 28 commands, a
    // closure each per socket was a measurable part of an idle participant's memory (bench S1).
    // Socket.IO calls this on a tick of its own, outside any promise: a throw here would stop the
    // process, so nothing may escape it (invariant 6).
    socket.onAny((event: unknown, ...args: unknown[]) => {
      try {
        this.dispatch(event, args);
      } catch (error) {
        this.log.error({ err: error, sessionId: this.sessionId }, 'inbound event failed');
      }
    });
  }

  /**
   * Logs a refusal, without the participant: a refused note would otherwise say who was writing.
   * The logger is made on the first refusal, so a well-behaved connection pays nothing for it.
   */
  refused(reason: string, details?: Record<string, unknown>): void {
    this.refusals ??= refusalLogger(this.log, {
      sessionId: this.sessionId,
      transport: 'socket.io',
    });
    this.refusals(reason, details);
  }

  sendPrivate(view: PrivateView): void {
    this.socket.emit('view:private', view);
  }

  sendFacilitation(view: FacilitatorView): void {
    this.socket.emit('view:facilitation', view);
  }

  revoke(message: string): void {
    this.socket.emit('connection:refused', { code: ErrorCode.forbidden, message });
    this.socket.disconnect();
  }

  private end(): void {
    this.room?.removeSink(this);
    this.board?.end();
  }

  private dispatch(event: unknown, args: unknown[]): void {
    const ack = args.at(-1);
    // Socket.IO passes an event's name as the client sent it: any JSON value, or none.
    if (typeof event !== 'string') {
      this.refused('event without a name');
      if (typeof ack === 'function') {
        (ack as (result: Ack<never>) => void)(
          fail(ErrorCode.invalidRequest, 'An event is named by a string.'),
        );
      }
      return;
    }
    if (event === 'time:sync') {
      if (typeof ack === 'function') {
        (ack as (result: { serverNow: number }) => void)({ serverNow: Date.now() });
      }
      return;
    }
    if (isCarriageEvent(event)) {
      this.board ??= new BoardCarriage(this.socket, this);
      this.board.handle(event, args);
      return;
    }
    if (!isCommandName(event)) {
      this.refused('unknown event', { event: event.slice(0, 64) });
      if (typeof ack === 'function') {
        (ack as (result: Ack<never>) => void)(
          fail(ErrorCode.invalidRequest, `There is no command called "${event.slice(0, 64)}".`),
        );
      }
      return;
    }
    if (typeof ack !== 'function' || args.length !== 2) {
      this.refused('command without an ack callback', { event });
      return;
    }
    const reply = ack as (result: Ack<unknown>) => void;
    this.run(event, args[0], reply).catch((error: unknown) => {
      this.log.error({ err: error, sessionId: this.sessionId, event }, 'command failed');
      reply(fail(ErrorCode.internal, 'Something went wrong on our side; please try again.'));
    });
  }

  private async run(
    name: CommandName,
    payload: unknown,
    ack: (result: Ack<unknown>) => void,
  ): Promise<void> {
    // One budget per person and one per session, whichever connection the command came on.
    const verdict = this.limits.command(this.sessionId, this.participantId);
    if (verdict !== 'allowed') {
      this.refused('rate limit', { event: name, budget: verdict });
      return ack(fail(ErrorCode.rateLimited, rateLimitedMessages[verdict]));
    }
    const parsed = parseInput(commandSchemas[name], payload);
    if (!parsed.ok) {
      this.refused('malformed payload', { event: name });
      return ack(parsed);
    }
    const data = parsed.data as Record<string, unknown> & { commandId: string };
    const participantId = this.participantId;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const room = await this.rooms.get(this.sessionId);
      if (!room) return ack(fail(ErrorCode.notFound, purgedBoardMessage));
      const result = await room.submit(async () => {
        const before = room.state;
        const usage = room.anonymousUsage;
        const command = toSessionCommand(name, data, {
          sessionId: this.sessionId,
          pool: () => room.anonymousPool(),
          anonymousUsage: usage.of(participantId, before),
        });
        const answer = await room.execute(
          { kind: 'person', participantId },
          data.commandId,
          command,
          (events) => ackData(command, events),
        );
        usage.record(participantId, command, before, room.state);
        return answer;
      });
      if (result) {
        if (!result.ok) this.refused(result.error.code, { event: name });
        return ack(result);
      }
    }
    return ack(fail(ErrorCode.unavailable, 'The board is busy; please try again.'));
  }
}
