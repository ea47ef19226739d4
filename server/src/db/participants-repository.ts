import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Role } from '@reflectory/shared';
import type { Db } from './database.ts';
import { participants } from './schema.ts';

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  displayName: string;
  role: Role;
  colour: string;
  /** Removed by a facilitator: kept for the names on their notes, never let back in. */
  removed: boolean;
  /** The account they joined with, when they were signed in. */
  userId: string | null;
}

export interface ParticipantsRepository {
  create(
    participant: Omit<ParticipantRecord, 'removed' | 'userId'> & {
      deviceHash: string;
      userId?: string | null;
    },
  ): Promise<void>;
  findByDevice(sessionId: string, deviceHash: string): Promise<ParticipantRecord | undefined>;
  /** Who an account is in the session (the latest, if it joined more than once), from any browser. */
  findByUser(sessionId: string, userId: string): Promise<ParticipantRecord | undefined>;
  /** Everyone who ever joined the session, in the order they joined. */
  listBySession(sessionId: string): Promise<ParticipantRecord[]>;
  /** Unlinks a participant from its browser, so that the browser can join again as someone new. */
  detachDevice(participantId: string): Promise<void>;
}

const columns = {
  id: participants.id,
  sessionId: participants.sessionId,
  displayName: participants.displayName,
  role: participants.role,
  colour: participants.colour,
  userId: participants.userId,
  removed: sql<boolean>`${participants.removedAt} is not null`,
};

export function createParticipantsRepository(db: Db): ParticipantsRepository {
  return {
    async create(participant) {
      await db.insert(participants).values(participant);
    },

    async findByDevice(sessionId, deviceHash) {
      const rows = await db
        .select(columns)
        .from(participants)
        .where(and(eq(participants.sessionId, sessionId), eq(participants.deviceHash, deviceHash)))
        .limit(1);
      return rows[0];
    },

    async findByUser(sessionId, userId) {
      const rows = await db
        .select(columns)
        .from(participants)
        .where(and(eq(participants.sessionId, sessionId), eq(participants.userId, userId)))
        .orderBy(desc(participants.createdAt), desc(participants.id))
        .limit(1);
      return rows[0];
    },

    async listBySession(sessionId) {
      return db
        .select(columns)
        .from(participants)
        .where(eq(participants.sessionId, sessionId))
        .orderBy(asc(participants.createdAt), asc(participants.id));
    },

    async detachDevice(participantId) {
      await db
        .update(participants)
        .set({ deviceHash: null })
        .where(eq(participants.id, participantId));
    },
  };
}
