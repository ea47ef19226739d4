import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { Store } from '../db/store.ts';
import { readCookie } from './device.ts';

/**
 * Signed-in browsers. The cookie holds a random token (httpOnly, SameSite=Lax, Secure over HTTPS);
 * the database keeps only its SHA-256, so a database reader cannot sign in as anyone. HTTP routes,
 * Socket.IO and the document endpoint all read the same cookie.
 */
export const sessionCookieName = 'rf_session';
export const signInLifetimeMs = 30 * 24 * 60 * 60 * 1000;

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface UserSessions {
  /** Starts a sign-in for the account and sets its cookie. */
  signIn(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void>;
  /** Ends this browser's sign-in, if any, and clears the cookie. */
  signOut(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** The signed-in account of an HTTP request, or undefined. */
  currentUser(request: FastifyRequest): Promise<SignedInUser | undefined>;
  /** The hash of the request's sign-in token, when it carries a well-formed one. */
  tokenHashOf(request: FastifyRequest): string | undefined;
  /** The signed-in account of a raw Cookie header (WebSocket handshakes). */
  userFromCookieHeader(header: string | undefined): Promise<SignedInUser | undefined>;
}

export function createUserSessions(store: Store, now: () => Date = () => new Date()): UserSessions {
  const cache = new WeakMap<FastifyRequest, Promise<SignedInUser | undefined>>();

  function lookup(token: string | undefined): Promise<SignedInUser | undefined> {
    if (token === undefined || !tokenPattern.test(token)) return Promise.resolve(undefined);
    return store.authSessions.findUser(hashToken(token), now());
  }

  return {
    async signIn(request, reply, userId) {
      const token = randomBytes(32).toString('base64url');
      await store.authSessions.create(
        hashToken(token),
        userId,
        new Date(now().getTime() + signInLifetimeMs),
      );
      reply.setCookie(sessionCookieName, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: signInLifetimeMs / 1000,
      });
      cache.delete(request);
    },

    async signOut(request, reply) {
      const token = request.cookies[sessionCookieName];
      if (token !== undefined && tokenPattern.test(token)) {
        await store.authSessions.delete(hashToken(token));
      }
      reply.clearCookie(sessionCookieName, { path: '/' });
      cache.delete(request);
    },

    currentUser(request) {
      let found = cache.get(request);
      if (!found) {
        found = lookup(request.cookies[sessionCookieName]);
        cache.set(request, found);
      }
      return found;
    },

    tokenHashOf(request) {
      const token = request.cookies[sessionCookieName];
      return token !== undefined && tokenPattern.test(token) ? hashToken(token) : undefined;
    },

    userFromCookieHeader(header) {
      return lookup(readCookie(header, sessionCookieName));
    },
  };
}
