import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { deviceHashFromCookieHeader } from '../auth/device.ts';
import { isAllowedOrigin } from '../auth/origin.ts';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import type { SessionRoom } from '../sessions/room.ts';
import type { SessionService } from '../sessions/session-service.ts';
import type { RealtimeLimits } from './realtime-limits.ts';
import { refusalLogger } from './refusal-log.ts';
import { ReplicaLink } from './replica-link.ts';

export interface DocEndpointDeps {
  sessions: SessionService;
  /** Reads the sign-in cookie: a signed-in person connects from any browser. */
  userSessions: Pick<UserSessions, 'userFromCookieHeader'>;
  rooms: RoomRegistry;
  allowedOrigins: readonly string[];
  log: FastifyBaseLogger;
  maxMessageBytes: number;
  limits: RealtimeLimits;
  heartbeatMs?: number;
}

const boardPath =
  /^\/yjs\/session\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/board$/i;

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Serves the y-websocket protocol at /yjs/<document> on the shared HTTP server. Every handshake is
 * checked for Origin, authenticated from the device cookie or the sign-in cookie, and counted
 * against the person's board opens and open connections (429 past either). The rules of a
 * replica (read-only, rate limit, presence set by the server) are `ReplicaLink`'s, shared with the
 * board carried over Socket.IO.
 */
export function attachDocEndpoint(httpServer: HttpServer, deps: DocEndpointDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: deps.maxMessageBytes,
    perMessageDeflate: false,
  });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/socket.io/')) return; // Socket.IO's own listener takes it
    socket.on('error', () => socket.destroy());
    if (!path.startsWith('/yjs/')) return refuseUpgrade(socket, 404, 'Not Found');
    const origins = request.headersDistinct.origin;
    if (!isAllowedOrigin(origins, request.headers.host, deps.allowedOrigins)) {
      deps.log.warn({ origin: origins }, 'refused: document socket from a foreign origin');
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    const sessionId = boardPath.exec(path)?.[1]?.toLowerCase();
    if (!sessionId) return refuseUpgrade(socket, 404, 'Not Found');
    const deviceHash = deviceHashFromCookieHeader(request.headers.cookie);

    void (async () => {
      const user = await deps.userSessions.userFromCookieHeader(request.headers.cookie);
      if (!deviceHash && !user) return refuseUpgrade(socket, 401, 'Unauthorized');
      const participant = await deps.sessions.participantFor(sessionId, deviceHash, user?.id);
      if (!participant) return refuseUpgrade(socket, 403, 'Forbidden');
      if (!deps.limits.boardOpen(sessionId, participant.id)) {
        return refuseUpgrade(socket, 429, 'Too Many Requests');
      }
      const release = await deps.limits.admit(sessionId, participant.id, 'yjs');
      if (!release) return refuseUpgrade(socket, 429, 'Too Many Requests');
      // The TCP socket closes however the handshake or the WebSocket ends.
      socket.once('close', release);
      if (socket.destroyed) release();
      const room = await deps.rooms.get(sessionId);
      // The person is in the session, so it exists: retention deleted its board.
      if (!room) return refuseUpgrade(socket, 410, 'Gone');
      wss.handleUpgrade(request, socket, head, (ws) => serve(ws, room, participant.id));
    })().catch((error: unknown) => {
      deps.log.error({ err: error, sessionId }, 'document handshake failed');
      refuseUpgrade(socket, 503, 'Service Unavailable');
    });
  };

  const serve = (ws: WebSocket, room: SessionRoom, participantId: string) => {
    // No participant id in refusal logs: see socket-server.ts.
    const refused = refusalLogger(deps.log, { sessionId: room.sessionId, transport: 'yjs' });
    const refusals = { refused };
    ws.on('error', () => ws.terminate());
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const link = ReplicaLink.open(
      room,
      participantId,
      {
        send(message) {
          if (ws.readyState === ws.OPEN) ws.send(message);
        },
        close(code, reason) {
          ws.close(code, reason);
        },
      },
      refusals,
      deps.limits,
    );
    ws.on('close', (code) => {
      if (code === 1009) refused('message over the size limit');
      link?.detach();
    });
    if (!link) return;
    ws.on('message', (data, isBinary) => link.receive(isBinary ? toBytes(data) : undefined));
  };

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, deps.heartbeatMs ?? 30_000);
  heartbeat.unref();

  httpServer.on('upgrade', onUpgrade);
  return {
    close() {
      clearInterval(heartbeat);
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1012, 'server restarting');
      wss.close();
    },
  };
}
