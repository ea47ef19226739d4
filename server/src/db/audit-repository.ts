import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from './database.ts';
import { auditEvents, sessions } from './schema.ts';

export interface AuditEntry {
  teamId: string;
  sessionId: string | null;
  actorUserId: string | null;
  /** The actor's name at the time, or "Retention" / "System" for the server's own jobs. */
  actorName: string;
  /** A dotted verb: `member.role_changed`, `session.revealed`, `session.exported` … */
  action: string;
  /** Ids and counts only: never note text, never who wrote a note. */
  details: Record<string, unknown>;
  at: Date;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  /** The title of the session it concerns, while that session exists. */
  sessionTitle: string | null;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first; `before` pages back from an id. */
  listByTeam(teamId: string, options: { limit: number; before?: number }): Promise<AuditRecord[]>;
}

export function createAuditRepository(db: Db): AuditRepository {
  return {
    async append(entry) {
      await db.insert(auditEvents).values(entry);
    },
    async listByTeam(teamId, { limit, before }) {
      const rows = await db
        .select({
          id: auditEvents.id,
          teamId: auditEvents.teamId,
          sessionId: auditEvents.sessionId,
          sessionTitle: sessions.title,
          actorUserId: auditEvents.actorUserId,
          actorName: auditEvents.actorName,
          action: auditEvents.action,
          details: auditEvents.details,
          at: auditEvents.at,
        })
        .from(auditEvents)
        .leftJoin(sessions, eq(sessions.id, auditEvents.sessionId))
        .where(
          before === undefined
            ? eq(auditEvents.teamId, teamId)
            : and(eq(auditEvents.teamId, teamId), lt(auditEvents.id, before)),
        )
        .orderBy(desc(auditEvents.id))
        .limit(limit);
      return rows.map((row) => ({ ...row, details: row.details as Record<string, unknown> }));
    },
  };
}
