import { and, eq, isNotNull, isNull, like, lte, sql } from 'drizzle-orm';
import type { SessionOutcome } from '@reflectory/shared';
import type { Db } from './database.ts';
import {
  ballots,
  commandReceipts,
  docSnapshots,
  docUpdates,
  heldChanges,
  heldNotes,
  notes,
  sessionEvents,
  sessionOutcomes,
  sessions,
  teams,
} from './schema.ts';

/** A session as retention sees it: when it closed, whether it was purged, its team's retention. */
export interface RetentionRecord {
  id: string;
  teamId: string | null;
  closedAt: Date | null;
  purgedAt: Date | null;
  /** The team's retention in days; null for a standalone session (the server's default applies). */
  teamRetentionDays: number | null;
}

/** How many rows of each kind a purge deleted: counts only, for logs and the audit entry. */
export interface PurgedCounts {
  notes: number;
  events: number;
  docUpdates: number;
  docSnapshots: number;
  heldNotes: number;
  heldChanges: number;
  /** Votes of voting left open: none once closing a session closes its voting. */
  ballots: number;
  receipts: number;
}

export interface RetentionRepository {
  /**
   * The session with its team's retention, its row locked until the transaction ends (call inside
   * `store.transaction`), so two purges of one session run one after the other.
   */
  lockForPurge(sessionId: string): Promise<RetentionRecord | undefined>;
  /**
   * Closed, unpurged sessions whose close is at least their retention before `now` (a standalone
   * session uses `defaultDays`), oldest close first, at most `limit`.
   */
  listDue(now: Date, defaultDays: number, limit: number): Promise<RetentionRecord[]>;
  /**
   * Open sessions that started (or were planned for) at least `days` before `now`: candidates for
   * closing as abandoned (the rule itself is isAbandoned in shared/), oldest first, at most `limit`.
   */
  listOpenSince(
    now: Date,
    days: number,
    limit: number,
  ): Promise<{ id: string; createdAt: Date; scheduledFor: Date | null }[]>;
  /**
   * Deletes the raw board of a session: its notes, event log, documents (every document named
   * `session/<id>/…`), held anonymous notes and changes, ballots, and command receipts.
   */
  deleteRawContent(sessionId: string): Promise<PurgedCounts>;
  saveOutcome(sessionId: string, outcome: SessionOutcome): Promise<void>;
  findOutcome(sessionId: string): Promise<unknown>;
  markPurged(sessionId: string, at: Date): Promise<void>;
}

const columns = {
  id: sessions.id,
  teamId: sessions.teamId,
  closedAt: sessions.closedAt,
  purgedAt: sessions.purgedAt,
  teamRetentionDays: teams.retentionDays,
};

export function createRetentionRepository(db: Db): RetentionRepository {
  async function deleteCount(
    table:
      | typeof notes
      | typeof sessionEvents
      | typeof heldNotes
      | typeof heldChanges
      | typeof ballots
      | typeof commandReceipts,
    sessionId: string,
  ): Promise<number> {
    const rows = await db
      .delete(table)
      .where(eq(table.sessionId, sessionId))
      .returning({ sessionId: table.sessionId });
    return rows.length;
  }

  return {
    async lockForPurge(sessionId) {
      const rows = await db
        .select(columns)
        .from(sessions)
        .leftJoin(teams, eq(teams.id, sessions.teamId))
        .where(eq(sessions.id, sessionId))
        .for('update', { of: sessions })
        .limit(1);
      return rows[0];
    },

    async listDue(now, defaultDays, limit) {
      return db
        .select(columns)
        .from(sessions)
        .leftJoin(teams, eq(teams.id, sessions.teamId))
        .where(
          and(
            isNotNull(sessions.closedAt),
            isNull(sessions.purgedAt),
            lte(
              sessions.closedAt,
              sql`${now.toISOString()}::timestamptz - make_interval(days => coalesce(${teams.retentionDays}, ${defaultDays}::int))`,
            ),
          ),
        )
        .orderBy(sessions.closedAt)
        .limit(limit);
    },

    async listOpenSince(now, days, limit) {
      const start = sql`greatest(${sessions.createdAt}, coalesce(${sessions.scheduledFor}, ${sessions.createdAt}))`;
      return db
        .select({
          id: sessions.id,
          createdAt: sessions.createdAt,
          scheduledFor: sessions.scheduledFor,
        })
        .from(sessions)
        .where(
          and(
            isNull(sessions.closedAt),
            lte(
              start,
              sql`${now.toISOString()}::timestamptz - make_interval(days => ${days}::int)`,
            ),
          ),
        )
        .orderBy(start)
        .limit(limit);
    },

    async deleteRawContent(sessionId) {
      const prefix = `session/${sessionId}/%`;
      const updates = await db
        .delete(docUpdates)
        .where(like(docUpdates.docName, prefix))
        .returning({ id: docUpdates.id });
      const snapshots = await db
        .delete(docSnapshots)
        .where(like(docSnapshots.docName, prefix))
        .returning({ docName: docSnapshots.docName });
      return {
        notes: await deleteCount(notes, sessionId),
        events: await deleteCount(sessionEvents, sessionId),
        docUpdates: updates.length,
        docSnapshots: snapshots.length,
        heldNotes: await deleteCount(heldNotes, sessionId),
        heldChanges: await deleteCount(heldChanges, sessionId),
        ballots: await deleteCount(ballots, sessionId),
        receipts: await deleteCount(commandReceipts, sessionId),
      };
    },

    async saveOutcome(sessionId, outcome) {
      await db
        .insert(sessionOutcomes)
        .values({ sessionId, outcome })
        .onConflictDoUpdate({ target: sessionOutcomes.sessionId, set: { outcome } });
    },

    async findOutcome(sessionId) {
      const rows = await db
        .select({ outcome: sessionOutcomes.outcome })
        .from(sessionOutcomes)
        .where(eq(sessionOutcomes.sessionId, sessionId))
        .limit(1);
      return rows[0]?.outcome;
    },

    async markPurged(sessionId, at) {
      await db.update(sessions).set({ purgedAt: at }).where(eq(sessions.id, sessionId));
    },
  };
}
