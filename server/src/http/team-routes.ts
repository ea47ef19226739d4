import {
  ErrorCode,
  auditQuerySchema,
  createInviteRequestSchema,
  createTeamRequestSchema,
  createTeamSessionRequestSchema,
  inviteTokenSchema,
  setMemberRoleRequestSchema,
  updateTeamRequestSchema,
  uuidSchema,
  type Result,
} from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import { noSuchInvite, type InvitationService } from '../teams/invitation-service.ts';
import { noSuchTeam } from '../teams/team-access.ts';
import type { TeamService } from '../teams/team-service.ts';
import { requireUser } from './account-routes.ts';
import { sendError } from './errors.ts';
import { isStorableInstant, parseInput } from './parse.ts';

export interface TeamRouteDeps {
  teams: TeamService;
  invitations: InvitationService;
  userSessions: UserSessions;
  checkOrigin: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  ensureDevice: (request: FastifyRequest, reply: FastifyReply) => string;
}

type TeamParams = { Params: { teamId: string } };
type MemberParams = { Params: { teamId: string; userId: string } };
type InviteParams = { Params: { teamId: string; inviteId: string } };
type TokenParams = { Params: { token: string } };

/** Sends a result: its data with `status`, or its error in the one error shape. */
function send<T>(reply: FastifyReply, result: Result<T>, status = 200): FastifyReply {
  if (!result.ok) return sendError(reply, result.error.code, result.error.message);
  return result.data === undefined
    ? reply.status(204).send()
    : reply.status(status).send(result.data);
}

export function registerTeamRoutes(app: FastifyInstance, deps: TeamRouteDeps): void {
  const { teams, invitations, userSessions, checkOrigin } = deps;
  const signedIn = requireUser(userSessions);
  /** Origin first (a foreign page learns nothing), then the account. */
  const changing = [checkOrigin, signedIn];
  const often = { rateLimit: { max: 60, timeWindow: '1 minute' } };

  /** The signed-in account; the preHandler has already refused requests without one. */
  async function userOf(request: FastifyRequest): Promise<SignedInUser> {
    const user = await userSessions.currentUser(request);
    if (!user) throw new Error('a team route ran without its requireUser preHandler');
    return user;
  }

  /** A malformed id is answered like an unknown team, so nothing tells them apart. */
  function teamIdOf(request: FastifyRequest<TeamParams>, reply: FastifyReply): string | undefined {
    const id = parseInput(uuidSchema, request.params.teamId);
    if (id.ok) return id.data;
    sendError(reply, ErrorCode.notFound, noSuchTeam);
    return undefined;
  }

  app.post(
    '/api/teams',
    { preHandler: changing, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const input = parseInput(createTeamRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const user = await userOf(request);
      const team = await teams.create(user, input.data.name);
      request.log.info({ teamId: team.id, userId: user.id }, 'team created');
      return reply.status(201).send({ teams: [team] });
    },
  );

  app.get('/api/teams', { preHandler: signedIn, config: often }, async (request) => {
    return { teams: await teams.list(await userOf(request)) };
  });

  app.get<TeamParams>(
    '/api/teams/:teamId',
    { preHandler: signedIn, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      return send(reply, await teams.page(await userOf(request), teamId));
    },
  );

  app.patch<TeamParams>(
    '/api/teams/:teamId',
    { preHandler: changing, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const input = parseInput(updateTeamRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      return send(reply, await teams.update(await userOf(request), teamId, input.data));
    },
  );

  app.patch<MemberParams>(
    '/api/teams/:teamId/members/:userId',
    { preHandler: changing, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const target = parseInput(uuidSchema, request.params.userId);
      if (!target.ok) return sendError(reply, ErrorCode.notFound, 'There is no such member.');
      const input = parseInput(setMemberRoleRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const user = await userOf(request);
      const changed = await teams.changeMember(user, teamId, target.data, {
        kind: 'setRole',
        role: input.data.role,
      });
      if (changed.ok) request.log.info({ teamId, userId: user.id }, 'team member role changed');
      return send(reply, changed);
    },
  );

  app.delete<MemberParams>(
    '/api/teams/:teamId/members/:userId',
    { preHandler: changing, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const target = parseInput(uuidSchema, request.params.userId);
      if (!target.ok) return sendError(reply, ErrorCode.notFound, 'There is no such member.');
      const user = await userOf(request);
      const removed = await teams.changeMember(user, teamId, target.data, { kind: 'remove' });
      if (removed.ok) request.log.info({ teamId, userId: user.id }, 'team member removed');
      return send(reply, removed);
    },
  );

  app.post<TeamParams>(
    '/api/teams/:teamId/invites',
    { preHandler: changing, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const input = parseInput(createInviteRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const created = await invitations.create(await userOf(request), teamId, input.data);
      if (created.ok) request.log.info({ teamId, inviteId: created.data.invite.id }, 'invite made');
      return send(reply, created, 201);
    },
  );

  app.get<TeamParams>(
    '/api/teams/:teamId/invites',
    { preHandler: signedIn, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const invites = await invitations.list(await userOf(request), teamId);
      return send(reply, invites.ok ? { ok: true, data: { invites: invites.data } } : invites);
    },
  );

  app.delete<InviteParams>(
    '/api/teams/:teamId/invites/:inviteId',
    { preHandler: changing, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const inviteId = parseInput(uuidSchema, request.params.inviteId);
      if (!inviteId.ok) return sendError(reply, ErrorCode.notFound, 'There is no such invitation.');
      return send(reply, await invitations.revoke(await userOf(request), teamId, inviteId.data));
    },
  );

  app.get<TokenParams>(
    '/api/invites/:token',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const token = parseInput(inviteTokenSchema, request.params.token);
      if (!token.ok) return sendError(reply, ErrorCode.notFound, noSuchInvite);
      const user = await userSessions.currentUser(request);
      return send(reply, await invitations.lookup(token.data, user));
    },
  );

  app.post<TokenParams>(
    '/api/invites/:token/accept',
    { preHandler: changing, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const token = parseInput(inviteTokenSchema, request.params.token);
      if (!token.ok) return sendError(reply, ErrorCode.notFound, noSuchInvite);
      const user = await userOf(request);
      const accepted = await invitations.accept(token.data, user);
      if (accepted.ok && accepted.data.joined) {
        request.log.info({ teamId: accepted.data.team.id, userId: user.id }, 'joined a team');
      }
      return send(reply, accepted);
    },
  );

  app.post<TeamParams>(
    '/api/teams/:teamId/sessions',
    { preHandler: changing, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const input = parseInput(createTeamSessionRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const { scheduledFor } = input.data;
      if (scheduledFor !== undefined && !isStorableInstant(scheduledFor)) {
        return sendError(
          reply,
          ErrorCode.invalidRequest,
          'scheduledFor: the date must fall between the years 1 and 9999.',
        );
      }
      const user = await userOf(request);
      const created = await teams.startSession(user, teamId, {
        ...input.data,
        device: () => deps.ensureDevice(request, reply),
      });
      if (created.ok) {
        request.log.info({ teamId, sessionId: created.data.session.id }, 'team session created');
      }
      return send(reply, created, 201);
    },
  );

  app.get<TeamParams & { Querystring: unknown }>(
    '/api/teams/:teamId/audit',
    { preHandler: signedIn, config: often },
    async (request, reply) => {
      const teamId = teamIdOf(request, reply);
      if (teamId === undefined) return reply;
      const query = parseInput(auditQuerySchema, request.query);
      if (!query.ok) return sendError(reply, query.error.code, query.error.message);
      return send(reply, await teams.auditLog(await userOf(request), teamId, query.data.before));
    },
  );
}
