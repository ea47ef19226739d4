import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { isUniqueViolation } from './sessions-repository.ts';
import { users } from './schema.ts';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  createdAt: Date;
}

export interface UsersRepository {
  /** Inserts an account; `email_taken` when the (lower-cased) email already has one. */
  create(
    user: Omit<UserRecord, 'createdAt'>,
  ): Promise<{ ok: true } | { ok: false; reason: 'email_taken' }>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /** Deletes the account; memberships and sign-ins go with it, session rows only lose the link. */
  delete(id: string): Promise<void>;
}

export function createUsersRepository(db: Db): UsersRepository {
  return {
    async create(user) {
      try {
        await db.insert(users).values(user);
        return { ok: true };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'email_taken' };
        throw error;
      }
    },
    async findByEmail(email) {
      const rows = await db.select().from(users).where(eq(users.email, email)).limit(1);
      return rows[0];
    },
    async findById(id) {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0];
    },
    async setPasswordHash(id, passwordHash) {
      await db.update(users).set({ passwordHash }).where(eq(users.id, id));
    },
    async delete(id) {
      await db.delete(users).where(eq(users.id, id));
    },
  };
}
