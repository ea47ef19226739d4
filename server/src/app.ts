import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/database.ts';
import { Scrubber } from './db/scrubber.ts';
import { createStore } from './db/store.ts';
import { acceptOnlyJsonBodies } from './auth/json-only.ts';
import { createUserSessions } from './auth/user-sessions.ts';
import { registerAccountRoutes } from './http/account-routes.ts';
import { registerClientApp } from './http/client-app.ts';
import { registerErrorHandling } from './http/errors.ts';
import { serializeError, serializeRequest } from './http/safe-error.ts';
import { registerHealthRoutes } from './http/health.ts';
import { registerModelRoutes } from './http/model-routes.ts';
import { registerTeamRoutes } from './http/team-routes.ts';
import {
  ensureDevice,
  existingDeviceHash,
  originCheck,
  registerSessionRoutes,
} from './http/session-routes.ts';
import { attachDocEndpoint } from './realtime/doc-endpoint.ts';
import { createMemoryLimits, type RealtimeLimits } from './realtime/realtime-limits.ts';
import { attachSocketServer, maxMessageBytes } from './realtime/socket-server.ts';
import {
  RoomRegistry,
  defaultRegistryOptions,
  type RegistryOptions,
} from './sessions/room-registry.ts';
import { SessionService } from './sessions/session-service.ts';
import { InvitationService } from './teams/invitation-service.ts';
import { TeamService } from './teams/team-service.ts';
import { registerExportRoutes } from './http/export-routes.ts';
import {
  RetentionJob,
  defaultRetentionOptions,
  type RetentionOptions,
} from './retention/retention-job.ts';

export interface AppDeps {
  database: Database;
  /** Folder of the built client; the app serves no pages without it. */
  clientDir?: string | undefined;
  logLevel?: string;
  /** Where log lines go (stdout by default); tests collect them to check what is logged. */
  logStream?: { write(line: string): void };
  /** Origins allowed besides the server's own (WebSockets and state-changing requests). */
  allowedOrigins?: string[];
  /** Trust X-Forwarded-* from a reverse proxy (see TRUST_PROXY). */
  trustProxy?: boolean;
  /** Whether sessions may be started without a team (see STANDALONE_SESSIONS; default true). */
  standaloneSessions?: boolean;
  /** Tuning of live rooms; tests shorten the timers. */
  rooms?: Partial<RegistryOptions>;
  /** Retention of closed sessions' boards; tests inject a clock. */
  retention?: Partial<RetentionOptions>;
  /** Rate limits and connection caps per person and per session (in memory by default). */
  limits?: RealtimeLimits;
}

/** The composition root: builds the whole app without listening, so tests can run it on port 0. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const allowedOrigins = deps.allowedOrigins ?? [];
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: { err: serializeError, req: serializeRequest },
    },
    genReqId: () => randomUUID(),
    bodyLimit: maxMessageBytes,
    trustProxy: deps.trustProxy ?? false,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyCookie);
  await app.register(rateLimit, { global: false });
  acceptOnlyJsonBodies(app);

  registerErrorHandling(app);
  registerHealthRoutes(app, deps.database);

  const scrubber = new Scrubber(deps.database, (error, table) =>
    app.log.warn({ err: error, table }, 'a table could not be rewritten yet; trying again later'),
  );
  const store = createStore(deps.database.db, scrubber.request);
  // The room tells retention when a session closes; retention evicts purged rooms.
  const rooms = new RoomRegistry(store, app.log, {
    ...defaultRegistryOptions,
    ...deps.rooms,
    onSessionClosed: (sessionId) => retention.afterClose(sessionId),
  });
  const retention = new RetentionJob(store, rooms, app.log, {
    ...defaultRetentionOptions,
    ...deps.retention,
  });
  app.decorate('retention', retention);
  const sessions = new SessionService(store, rooms);
  const userSessions = createUserSessions(store);
  const checkOrigin = originCheck(allowedOrigins);
  registerAccountRoutes(app, { store, rooms, userSessions, checkOrigin });
  registerSessionRoutes(app, {
    sessions,
    allowedOrigins,
    userSessions,
    standaloneSessions: deps.standaloneSessions ?? true,
  });
  registerModelRoutes(app, {
    store,
    checkOrigin,
    existingDeviceHash,
    ensureDevice,
  });
  const teams = new TeamService(store, sessions);
  const invitations = new InvitationService(store);
  registerTeamRoutes(app, { teams, invitations, userSessions, checkOrigin, ensureDevice });
  registerExportRoutes(app, { store, sessions, rooms, userSessions });

  const limits = deps.limits ?? createMemoryLimits();
  const realtime = { sessions, userSessions, rooms, allowedOrigins, log: app.log, limits };
  const io = attachSocketServer(app.server, realtime);
  const docs = attachDocEndpoint(app.server, { ...realtime, maxMessageBytes });

  app.addHook('preClose', async () => {
    docs.close();
    // Closing the transports (not disconnecting the sockets) tells clients to reconnect, which is
    // what a restart wants: a server-side disconnect would make them give up.
    io.engine.close();
  });
  app.addHook('onReady', async () => retention.start());
  app.addHook('onClose', async () => {
    await retention.stop();
    await rooms.close(1012, 'server restarting');
    await scrubber.close();
  });

  await registerClientApp(app, deps.clientDir);
  return app;
}
