import { randomInt } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  ErrorCode,
  commandSchemas,
  fail,
  purgedBoardMessage,
  socketAuthSchema,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type ServerToClientEvents,
} from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { deviceHashFromCookieHeader } from '../auth/device.ts';
import { isAllowedOrigin } from '../auth/origin.ts';
import type { UserSessions } from '../auth/user-sessions.ts';
import { parseInput } from '../http/parse.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import { ackData, toSessionCommand } from '../sessions/command-mapping.ts';
import type { ViewSink } from '../sessions/room.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { BoardCarriage, isCarriageEvent } from './board-carriage.ts';
import { refusalLogger } from './refusal-log.ts';
import { TokenBucket } from './token-bucket.ts';

interface SocketData {
  sessionId: string;
  participantId: string;
}

type CommandSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface SocketServerDeps {
  sessions: SessionService;
  /** Reads the sign-in cookie: a signed-in person connects from any browser. */
  userSessions: Pick<UserSessions, 'userFromCookieHeader'>;
  rooms: RoomRegistry;
  allowedOrigins: readonly string[];
  log: FastifyBaseLogger;
}

export const maxMessageBytes = 64 * 1024;
function isCommandName(event: string): event is CommandName {
  return Object.hasOwn(commandSchemas, event);
}

/**
 * Commands over Socket.IO: each connection is authenticated for one session from the device
 * cookie or the sign-in cookie, each payload parsed, each command rate-limited, run through the
 * session's room and answered by an ack. The same connection carries the session's board in the
 * y-websocket protocol (`yjs` events, board-carriage.ts), so a browser holds one connection.
 */
export function attachSocketServer(httpServer: HttpServer, deps: SocketServerDeps) {
  const io = new Server<
    ClientToServerEvents,
    ServerToClientEvents,
    Record<string, never>,
    SocketData
  >(httpServer, {
    path: '/socket.io/',
    serveClient: false,
    maxHttpBufferSize: maxMessageBytes,
    // Let /yjs/ upgrades through to the document endpoint instead of destroying them.
    destroyUpgrade: false,
    allowRequest: (request, callback) => {
      const allowed = isAllowedOrigin(
        request.headers.origin,
        request.headers.host,
        deps.allowedOrigins,
      );
      if (!allowed)
        deps.log.warn(
          { origin: request.headers.origin },
          'refused: Socket.IO handshake from a foreign origin',
        );
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  io.use((socket, next) => {
    const auth = socketAuthSchema.safeParse(socket.handshake.auth);
    const deviceHash = deviceHashFromCookieHeader(socket.handshake.headers.cookie);
    const refuse = (message: string) =>
      next(Object.assign(new Error(message), { data: { code: ErrorCode.unauthorized, message } }));
    if (!auth.success) return refuse('Say which session this connection is for.');
    const cookie = socket.handshake.headers.cookie;
    deps.userSessions
      .userFromCookieHeader(cookie)
      .then((user) =>
        deviceHash || user
          ? deps.sessions.participantFor(auth.data.sessionId, deviceHash, user?.id)
          : undefined,
      )
      .then((participant) => {
        if (!participant) return refuse('This browser has not joined the session.');
        socket.data = { sessionId: auth.data.sessionId, participantId: participant.id };
        next();
      })
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'Socket.IO authentication failed');
        next(
          Object.assign(new Error('unavailable'), {
            data: { code: ErrorCode.unavailable, message: 'Try again shortly.' },
          }),
        );
      });
  });

  io.on('connection', (socket: CommandSocket) => {
    const { sessionId, participantId } = socket.data;
    void socket.join(sessionId);
    const limiter = new TokenBucket(20, 40);
    // Refusals are logged without the participant: a refused note would otherwise say who was writing.
    const refused = refusalLogger(deps.log, { sessionId, transport: 'socket.io' });

    const run = async (
      name: CommandName,
      payload: unknown,
      ack: (result: Ack<unknown>) => void,
    ) => {
      if (!limiter.take()) {
        refused('rate limit', { event: name });
        return ack(
          fail(ErrorCode.rateLimited, 'Too many actions at once; please slow down a little.'),
        );
      }
      const parsed = parseInput(commandSchemas[name], payload);
      if (!parsed.ok) {
        refused('malformed payload', { event: name });
        return ack(parsed);
      }
      const data = parsed.data as Record<string, unknown> & { commandId: string };
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const room = await deps.rooms.get(sessionId);
        if (!room) return ack(fail(ErrorCode.notFound, purgedBoardMessage));
        const result = await room.submit(async () => {
          const command = toSessionCommand(name, data, room.state, randomInt);
          return room.execute(
            { kind: 'person', participantId },
            data.commandId,
            command,
            (events) => ackData(command, events),
          );
        });
        if (result) {
          if (!result.ok) refused(result.error.code, { event: name });
          return ack(result);
        }
      }
      return ack(fail(ErrorCode.unavailable, 'The board is busy; please try again.'));
    };

    // The person's own views follow them on this connection.
    const sink: ViewSink = {
      participantId,
      sendPrivate: (view) => socket.emit('view:private', view),
      sendFacilitation: (view) => socket.emit('view:facilitation', view),
      revoke: (message) => {
        socket.emit('connection:refused', { code: ErrorCode.forbidden, message });
        socket.disconnect();
      },
    };
    let sinkRoom: Awaited<ReturnType<RoomRegistry['get']>>;
    void deps.rooms
      .get(sessionId)
      .then((room) => {
        if (socket.disconnected) return;
        // The person is in the session, so it exists: retention deleted its board.
        if (!room) return sink.revoke(purgedBoardMessage);
        sinkRoom = room;
        room.addSink(sink);
      })
      .catch((error: unknown) => deps.log.warn({ err: error, sessionId }, 'could not send views'));
    // The board carried over this connection, made on its first `yjs:open` (see board-carriage.ts).
    let board: BoardCarriage | undefined;
    socket.on('disconnect', () => {
      sinkRoom?.removeSink(sink);
      board?.end();
    });

    // One dispatcher per connection rather than a listener per command: with 28 commands, a
    // closure each per socket was a measurable part of an idle participant's memory (bench S1).
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (event === 'time:sync') {
        if (typeof ack === 'function') {
          (ack as (result: { serverNow: number }) => void)({ serverNow: Date.now() });
        }
        return;
      }
      if (isCarriageEvent(event)) {
        board ??= new BoardCarriage(socket, {
          sessionId,
          participantId,
          rooms: deps.rooms,
          refused,
          log: deps.log,
        });
        board.handle(event, args);
        return;
      }
      if (!isCommandName(event)) {
        refused('unknown event', { event: event.slice(0, 64) });
        if (typeof ack === 'function') {
          (ack as (result: Ack<never>) => void)(
            fail(ErrorCode.invalidRequest, `There is no command called "${event.slice(0, 64)}".`),
          );
        }
        return;
      }
      if (typeof ack !== 'function' || args.length !== 2) {
        refused('command without an ack callback', { event });
        return;
      }
      const reply = ack as (result: Ack<unknown>) => void;
      run(event, args[0], reply).catch((error: unknown) => {
        deps.log.error({ err: error, sessionId, event }, 'command failed');
        reply(fail(ErrorCode.internal, 'Something went wrong on our side; please try again.'));
      });
    });
  });

  return io;
}
