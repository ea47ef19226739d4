import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './database.ts';
import { sessions } from './schema.ts';

export interface SessionRecord {
  id: string;
  title: string;
  joinCode: string;
  /** The model snapshot (validated when the session was created). */
  model: unknown;
  agreementText: string;
  teamId: string | null;
  createdBy: string | null;
  scheduledFor: Date | null;
  /** The team's open actions when the session was created (see PreviousAction). */
  previousActions: unknown;
  createdAt: Date;
  closedAt: Date | null;
  purgedAt: Date | null;
}

export type NewSession = Pick<
  SessionRecord,
  'id' | 'title' | 'joinCode' | 'model' | 'agreementText' | 'createdAt'
> &
  Partial<Pick<SessionRecord, 'teamId' | 'createdBy' | 'scheduledFor' | 'previousActions'>>;

export interface SessionsRepository {
  /** Inserts a session; `join_code_taken` when an open session already holds the code. */
  create(session: NewSession): Promise<{ ok: true } | { ok: false; reason: 'join_code_taken' }>;
  findById(id: string): Promise<SessionRecord | undefined>;
  /** Only open sessions answer to their code; a closed session's code is free for reuse. */
  findOpenByJoinCode(joinCode: string): Promise<SessionRecord | undefined>;
  /** Closes an open session; false when it was unknown or already closed. */
  close(id: string, at: Date): Promise<boolean>;
}

const uniqueViolation = '23505';

export function createSessionsRepository(db: Db): SessionsRepository {
  return {
    async create(session) {
      try {
        await db.insert(sessions).values(session);
        return { ok: true };
      } catch (error) {
        if (isUniqueViolation(error)) return { ok: false, reason: 'join_code_taken' };
        throw error;
      }
    },

    async findById(id) {
      const rows = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
      return rows[0];
    },

    async findOpenByJoinCode(joinCode) {
      const rows = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.joinCode, joinCode), isNull(sessions.closedAt)))
        .limit(1);
      return rows[0];
    },

    async close(id, at) {
      const rows = await db
        .update(sessions)
        .set({ closedAt: at })
        .where(and(eq(sessions.id, id), isNull(sessions.closedAt)))
        .returning({ id: sessions.id });
      return rows.length === 1;
    },
  };
}

/** Both drivers report PostgreSQL's SQLSTATE as `code`, directly or on the wrapped cause. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === uniqueViolation) return true;
  }
  return false;
}
