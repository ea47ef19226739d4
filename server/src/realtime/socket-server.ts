import type { Server as HttpServer } from 'node:http';
import {
  ErrorCode,
  socketAuthSchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import { Server } from 'socket.io';
import { deviceHashFromCookieHeader } from '../auth/device.ts';
import { isAllowedOrigin } from '../auth/origin.ts';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { CommandConnection, type CommandSocket, type SocketData } from './command-connection.ts';
import type { RealtimeLimits } from './realtime-limits.ts';

export interface SocketServerDeps {
  sessions: SessionService;
  /** Reads the sign-in cookie: a signed-in person connects from any browser. */
  userSessions: Pick<UserSessions, 'userFromCookieHeader'>;
  rooms: RoomRegistry;
  allowedOrigins: readonly string[];
  log: FastifyBaseLogger;
  limits: RealtimeLimits;
}

export const maxMessageBytes = 64 * 1024;

/** The refusal of a person's connection beyond the most they may hold open. */
export function tooManyConnectionsMessage(limit: number): string {
  return `You already have ${limit} connections to this session open (tabs or devices); close one to connect here.`;
}

/**
 * Commands over Socket.IO: each connection is authenticated for one session from the device
 * cookie or the sign-in cookie, counted against the person's connections, each payload parsed,
 * each command rate-limited per person and per session, run through the session's room and
 * answered by an ack. The same connection carries the session's board in the
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
      const origins = request.headersDistinct.origin;
      const allowed = isAllowedOrigin(origins, request.headers.host, deps.allowedOrigins);
      if (!allowed)
        deps.log.warn({ origin: origins }, 'refused: Socket.IO handshake from a foreign origin');
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  io.use((socket, next) => {
    const auth = socketAuthSchema.safeParse(socket.handshake.auth);
    const deviceHash = deviceHashFromCookieHeader(socket.handshake.headers.cookie);
    const refuse = (message: string, code: ErrorCode = ErrorCode.unauthorized) =>
      next(Object.assign(new Error(message), { data: { code, message } }));
    if (!auth.success) return refuse('Say which session this connection is for.');
    const cookie = socket.handshake.headers.cookie;
    deps.userSessions
      .userFromCookieHeader(cookie)
      .then((user) =>
        deviceHash || user
          ? deps.sessions.participantFor(auth.data.sessionId, deviceHash, user?.id)
          : undefined,
      )
      .then(async (participant) => {
        if (!participant) return refuse('This browser has not joined the session.');
        const { sessionId } = auth.data;
        const release = await deps.limits.admit(sessionId, participant.id, 'socket.io');
        if (!release) {
          return refuse(
            tooManyConnectionsMessage(deps.limits.settings.connectionsPerPerson),
            ErrorCode.rateLimited,
          );
        }
        // Counted out when the socket ends, or its transport does (which is all that happens when
        // the client went away before this answer: Socket.IO then never connects the socket).
        socket.once('disconnect', release);
        socket.conn.once('close', release);
        if (socket.conn.readyState === 'closed') release();
        socket.data = { sessionId, participantId: participant.id };
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
    new CommandConnection(socket, deps.rooms, deps.log, deps.limits).start();
  });

  return io;
}
