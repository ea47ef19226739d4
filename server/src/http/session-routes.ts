import {
  ErrorCode,
  createSessionRequestSchema,
  joinCodeSchema,
  joinSessionRequestSchema,
  uuidSchema,
} from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  deviceCookieMaxAgeSeconds,
  deviceCookieName,
  hashDeviceSecret,
  isDeviceSecret,
  newDeviceSecret,
} from '../auth/device.ts';
import { isAllowedOrigin } from '../auth/origin.ts';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { sendError } from './errors.ts';
import { parseInput } from './parse.ts';

interface RouteDeps {
  sessions: SessionService;
  allowedOrigins: readonly string[];
  /** A signed-in person's participants are theirs from any browser. */
  userSessions: UserSessions;
  /** False when every session must belong to a team (STANDALONE_SESSIONS=false). */
  standaloneSessions: boolean;
}

export function existingDeviceHash(request: FastifyRequest): string | undefined {
  const secret = request.cookies[deviceCookieName];
  return isDeviceSecret(secret) ? hashDeviceSecret(secret) : undefined;
}

/** The browser's device hash, issuing a new httpOnly device cookie if it has none. */
export function ensureDevice(request: FastifyRequest, reply: FastifyReply): string {
  const known = existingDeviceHash(request);
  if (known) return known;
  const secret = newDeviceSecret();
  reply.setCookie(deviceCookieName, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: deviceCookieMaxAgeSeconds,
  });
  return hashDeviceSecret(secret);
}

/** State-changing requests from another site's page are refused (CSRF), on top of SameSite=Lax. */
export function originCheck(allowedOrigins: readonly string[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const origins = request.raw.headersDistinct.origin;
    if (!isAllowedOrigin(origins, request.headers.host, allowedOrigins)) {
      request.log.warn({ origin: origins }, 'request from a foreign origin refused');
      return sendError(reply, ErrorCode.forbidden, 'Requests from other sites are not accepted.');
    }
  };
}

export function registerSessionRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const checkOrigin = originCheck(deps.allowedOrigins);
  const userIdOf = async (request: FastifyRequest) =>
    (await deps.userSessions.currentUser(request))?.id;

  app.post(
    '/api/sessions',
    { preHandler: checkOrigin, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      if (!deps.standaloneSessions) {
        return sendError(
          reply,
          ErrorCode.forbidden,
          'On this server, sessions are started from a team’s page by its facilitators: sign in and open your team.',
        );
      }
      const input = parseInput(createSessionRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const deviceHash = ensureDevice(request, reply);
      const created = await deps.sessions.create({
        ...input.data,
        modelId: input.data.modelId,
        deviceHash,
        userId: (await userIdOf(request)) ?? null,
      });
      if (!created.ok) return sendError(reply, created.error.code, created.error.message);
      request.log.info({ sessionId: created.data.session.id }, 'session created');
      return reply.status(201).send(created.data);
    },
  );

  app.get<{ Params: { code: string } }>(
    '/api/join/:code',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const code = parseInput(joinCodeSchema, request.params.code);
      if (!code.ok) return sendError(reply, code.error.code, code.error.message);
      const found = await deps.sessions.lookup(
        code.data,
        existingDeviceHash(request),
        await userIdOf(request),
      );
      if (!found.ok) return sendError(reply, found.error.code, found.error.message);
      return found.data;
    },
  );

  app.post(
    '/api/join',
    { preHandler: checkOrigin, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const input = parseInput(joinSessionRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const deviceHash = ensureDevice(request, reply);
      const joined = await deps.sessions.join({
        code: input.data.code,
        displayName: input.data.displayName,
        deviceHash,
        asNewParticipant: input.data.asNewParticipant ?? false,
        userId: (await userIdOf(request)) ?? null,
      });
      if (!joined.ok) return sendError(reply, joined.error.code, joined.error.message);
      request.log.info(
        { sessionId: joined.data.session.id, participantId: joined.data.you.id },
        'participant joined',
      );
      return joined.data;
    },
  );

  app.get<{ Params: { id: string } }>('/api/sessions/:id', async (request, reply) => {
    const id = parseInput(uuidSchema, request.params.id);
    if (!id.ok) return sendError(reply, ErrorCode.notFound, 'There is no such session.');
    const membership = await deps.sessions.membership(
      id.data,
      existingDeviceHash(request),
      await userIdOf(request),
    );
    if (!membership.ok) return sendError(reply, membership.error.code, membership.error.message);
    return membership.data;
  });
}
