import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  changePasswordRequestSchema,
  deleteAccountRequestSchema,
  signInRequestSchema,
  signUpRequestSchema,
  type CurrentUser,
  type Me,
} from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteAccount, endDeletedSessions, listInWords } from '../accounts/account-deletion.ts';
import { toAccountExport } from '../accounts/account-export.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createSignInThrottle, type SignInThrottle } from '../auth/sign-in-throttle.ts';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { Store } from '../db/store.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import { sendError } from './errors.ts';
import { parseInput } from './parse.ts';

export interface AccountRouteDeps {
  store: Store;
  /** Live rooms of sessions deleted with an account's lone teams are ended. */
  rooms: RoomRegistry;
  userSessions: UserSessions;
  checkOrigin: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** Failed sign-ins per email; tests pass one with a clock they control. */
  signInThrottle?: SignInThrottle;
  now?: () => Date;
}

/** One message whether the email is unknown or the password wrong: it must not tell which. */
export const signInRefused = 'That email and password do not match an account.';
/** One message once an email is throttled, whether or not it has an account. */
export const signInThrottled =
  'Too many failed sign-ins for this email. Please wait 15 minutes, then try again.';

const wrongPassword = 'That password is not right. Enter the password you sign in with.';

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
  const throttle = deps.signInThrottle ?? createSignInThrottle();
  const now = deps.now ?? (() => new Date());
  const signedIn = requireUser(userSessions);

  /**
   * Confirms the signed-in person's password before a change to the account. Failures count
   * towards the same per-email limit as sign-ins, so a borrowed sign-in cannot guess it either.
   */
  async function confirmPassword(request: FastifyRequest, reply: FastifyReply, password: string) {
    const current = await userSessions.currentUser(request);
    const user = current && (await store.users.findById(current.id));
    if (!user) {
      sendError(reply, ErrorCode.unauthorized, 'Please sign in first.');
      return undefined;
    }
    if (throttle.isBlocked(user.email)) {
      sendError(reply, ErrorCode.rateLimited, signInThrottled);
      return undefined;
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      throttle.recordFailure(user.email);
      sendError(reply, ErrorCode.forbidden, wrongPassword);
      return undefined;
    }
    return user;
  }

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
      const { email, password } = input.data;
      // Checked before the account is looked up, so a throttled answer is the same either way.
      if (throttle.isBlocked(email)) {
        request.log.warn('sign-in refused: too many failures for one email');
        return sendError(reply, ErrorCode.rateLimited, signInThrottled);
      }
      const user = await store.users.findByEmail(email);
      // An unknown email still costs a full hash check, so timing does not tell it apart.
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !matches) {
        throttle.recordFailure(email);
        return sendError(reply, ErrorCode.unauthorized, signInRefused);
      }
      throttle.recordSuccess(email);
      await userSessions.signIn(request, reply, user.id);
      request.log.info({ userId: user.id }, 'signed in');
      return me(user);
    },
  );

  app.post('/api/auth/signout', { preHandler: checkOrigin }, async (request, reply) => {
    await userSessions.signOut(request, reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request): Promise<CurrentUser> => {
    const user = await userSessions.currentUser(request);
    // A guest is not an error: 200 with no user, so pages can ask without failing.
    return user ? me(user) : { user: null };
  });

  app.post(
    '/api/auth/password',
    {
      preHandler: [checkOrigin, signedIn],
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const input = parseInput(changePasswordRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const user = await confirmPassword(request, reply, input.data.currentPassword);
      if (!user) return reply;
      await store.users.setPasswordHash(user.id, await hashPassword(input.data.newPassword));
      // Whoever else held a sign-in (perhaps the reason for the change) is signed out.
      const keep = userSessions.tokenHashOf(request);
      if (keep) await store.authSessions.deleteOthers(user.id, keep);
      request.log.info({ userId: user.id }, 'password changed; other sign-ins ended');
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/export',
    { preHandler: signedIn, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const current = await userSessions.currentUser(request);
      const user = current && (await store.users.findById(current.id));
      if (!user) return sendError(reply, ErrorCode.unauthorized, 'Please sign in first.');
      const at = now();
      const data = toAccountExport(user, await store.users.personalData(user.id), at);
      request.log.info({ userId: user.id }, 'personal data exported');
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="reflectory-my-data-${at.toISOString().slice(0, 10)}.json"`,
        )
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.post(
    '/api/auth/delete',
    {
      preHandler: [checkOrigin, signedIn],
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const input = parseInput(deleteAccountRequestSchema, request.body);
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const user = await confirmPassword(request, reply, input.data.password);
      if (!user) return reply;
      const deleted = await deleteAccount(store, user.id);
      if (!deleted.ok) {
        const many = deleted.teams.length > 1;
        return sendError(
          reply,
          ErrorCode.conflict,
          `You are the only owner of ${listInWords(deleted.teams)}, which ${many ? 'have' : 'has'} other members. Make another member an owner on the team page (or remove the others), then delete your account.`,
        );
      }
      await endDeletedSessions(store, deps.rooms, deleted.deletedSessions);
      await userSessions.signOut(request, reply);
      request.log.info({ userId: user.id, deletedTeams: deleted.deletedTeams }, 'account deleted');
      return reply.status(204).send();
    },
  );
}
