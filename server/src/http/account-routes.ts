import { randomUUID } from 'node:crypto';
import { ErrorCode, signInRequestSchema, signUpRequestSchema, type Me } from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { Store } from '../db/store.ts';
import { sendError } from './errors.ts';
import { parseInput } from './parse.ts';

export interface AccountRouteDeps {
  store: Store;
  userSessions: UserSessions;
  checkOrigin: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** One message whether the email is unknown or the password wrong: it must not tell which. */
export const signInRefused = 'That email and password do not match an account.';

function me(user: SignedInUser): Me {
  return { user: { id: user.id, email: user.email, displayName: user.displayName } };
}

/** A preHandler that refuses requests without a signed-in account. */
export function requireUser(userSessions: UserSessions) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await userSessions.currentUser(request))) {
      return sendError(reply, ErrorCode.unauthorized, 'Please sign in first.');
    }
  };
}

export function registerAccountRoutes(app: FastifyInstance, deps: AccountRouteDeps): void {
  const { store, userSessions, checkOrigin } = deps;

  app.post(
    '/api/auth/signup',
    { preHandler: checkOrigin, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const input = parseInput(signUpRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const id = randomUUID();
      const created = await store.users.create({
        id,
        email: input.data.email,
        displayName: input.data.displayName,
        passwordHash: await hashPassword(input.data.password),
      });
      if (!created.ok) {
        return sendError(
          reply,
          ErrorCode.conflict,
          'An account with that email already exists. Sign in instead.',
        );
      }
      await userSessions.signIn(request, reply, id);
      request.log.info({ userId: id }, 'account created');
      return reply
        .status(201)
        .send(me({ id, email: input.data.email, displayName: input.data.displayName }));
    },
  );

  app.post(
    '/api/auth/signin',
    { preHandler: checkOrigin, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const input = parseInput(signInRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const user = await store.users.findByEmail(input.data.email);
      // An unknown email still costs a full hash check, so timing does not tell it apart.
      const matches = await verifyPassword(
        input.data.password,
        user?.passwordHash ?? (await decoyHash()),
      );
      if (!user || !matches) {
        return sendError(reply, ErrorCode.unauthorized, signInRefused);
      }
      await userSessions.signIn(request, reply, user.id);
      request.log.info({ userId: user.id }, 'signed in');
      return me(user);
    },
  );

  app.post('/api/auth/signout', { preHandler: checkOrigin }, async (request, reply) => {
    await userSessions.signOut(request, reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request, reply) => {
    const user = await userSessions.currentUser(request);
    if (!user) return sendError(reply, ErrorCode.unauthorized, 'Not signed in.');
    return me(user);
  });
}
