import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Db } from './database.ts';
import { authSessions, users } from './schema.ts';

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
}

export interface AuthSessionsRepository {
  create(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
  /** The account behind an unexpired sign-in. */
  findUser(tokenHash: string, now: Date): Promise<SignedInUser | undefined>;
  delete(tokenHash: string): Promise<void>;
  /** Signs the account out everywhere but the given sign-in (after a password change). */
  deleteOthers(userId: string, keepTokenHash: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export function createAuthSessionsRepository(db: Db): AuthSessionsRepository {
  return {
    async create(tokenHash, userId, expiresAt) {
      await db.insert(authSessions).values({ tokenHash, userId, expiresAt });
    },
    async findUser(tokenHash, now) {
      const rows = await db
        .select({ id: users.id, email: users.email, displayName: users.displayName })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(and(eq(authSessions.tokenHash, tokenHash), gt(authSessions.expiresAt, now)))
        .limit(1);
      return rows[0];
    },
    async delete(tokenHash) {
      await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
    },
    async deleteOthers(userId, keepTokenHash) {
      await db
        .delete(authSessions)
        .where(and(eq(authSessions.userId, userId), ne(authSessions.tokenHash, keepTokenHash)));
    },
    async deleteExpired(now) {
      const rows = await db
        .delete(authSessions)
        .where(lte(authSessions.expiresAt, now))
        .returning({ tokenHash: authSessions.tokenHash });
      return rows.length;
    },
  };
}
