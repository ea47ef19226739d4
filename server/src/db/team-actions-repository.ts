import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './database.ts';
import { sessions, teamActionUpdates, teamActions } from './schema.ts';

export type TeamActionStatus = 'open' | 'done' | 'dropped';
export type TeamActionOutcome = 'created' | 'done' | 'carried' | 'dropped';

export interface TeamActionUpdate {
  sessionId: string | null;
  /** The title of the session it happened in, or null when that session is gone. */
  sessionTitle: string | null;
  outcome: TeamActionOutcome;
  note: string | null;
  at: Date;
}

export interface TeamActionRecord {
  id: string;
  teamId: string;
  sessionId: string | null;
  text: string;
  ownerName: string | null;
  ownerUserId: string | null;
  due: string | null;
  status: TeamActionStatus;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first. */
  history: TeamActionUpdate[];
}

export interface NewTeamAction {
  id: string;
  teamId: string;
  sessionId: string;
  text: string;
  ownerName: string | null;
  ownerUserId: string | null;
  due: string | null;
  at: Date;
}

export interface TeamActionsRepository {
  /** Records an action agreed in a session, open, with its `created` history entry. */
  create(action: NewTeamAction): Promise<void>;
  /** Changes an action's wording, owner or date (as edited in the session that created it). */
  edit(
    id: string,
    change: Pick<NewTeamAction, 'text' | 'ownerName' | 'ownerUserId' | 'due' | 'at'>,
  ): Promise<void>;
  /** Removes an action taken back in the session that created it. */
  remove(id: string): Promise<void>;
  /**
   * Records what a session decided about an action: its status follows (`carried` keeps it open),
   * and a session's later decision on the same action replaces that session's earlier one. An
   * action that no longer exists (its team's records were deleted) is left alone.
   */
  review(
    id: string,
    decision: {
      sessionId: string;
      outcome: Exclude<TeamActionOutcome, 'created'>;
      note: string | null;
      at: Date;
    },
  ): Promise<void>;
  /** The team's actions still open, oldest first, with their history. */
  listOpen(teamId: string): Promise<TeamActionRecord[]>;
  /** Every action of the team (any status), oldest first, with their history. */
  listByTeam(teamId: string): Promise<TeamActionRecord[]>;
}

const statusAfter: Record<Exclude<TeamActionOutcome, 'created'>, TeamActionStatus> = {
  done: 'done',
  carried: 'open',
  dropped: 'dropped',
};

export function createTeamActionsRepository(db: Db): TeamActionsRepository {
  async function withHistory(
    rows: Omit<TeamActionRecord, 'history'>[],
  ): Promise<TeamActionRecord[]> {
    if (rows.length === 0) return [];
    const updates = await db
      .select({
        actionId: teamActionUpdates.actionId,
        sessionId: teamActionUpdates.sessionId,
        sessionTitle: sessions.title,
        outcome: teamActionUpdates.outcome,
        note: teamActionUpdates.note,
        at: teamActionUpdates.at,
      })
      .from(teamActionUpdates)
      .leftJoin(sessions, eq(sessions.id, teamActionUpdates.sessionId))
      .where(
        inArray(
          teamActionUpdates.actionId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(teamActionUpdates.id));
    const byAction = new Map<string, TeamActionUpdate[]>();
    for (const update of updates) {
      const list = byAction.get(update.actionId) ?? [];
      list.push({
        sessionId: update.sessionId,
        sessionTitle: update.sessionTitle,
        outcome: update.outcome,
        note: update.note,
        at: update.at,
      });
      byAction.set(update.actionId, list);
    }
    return rows.map((row) => ({ ...row, history: byAction.get(row.id) ?? [] }));
  }

  return {
    async create(action) {
      await db.insert(teamActions).values({
        id: action.id,
        teamId: action.teamId,
        sessionId: action.sessionId,
        text: action.text,
        ownerName: action.ownerName,
        ownerUserId: action.ownerUserId,
        due: action.due,
        status: 'open',
        createdAt: action.at,
        updatedAt: action.at,
      });
      await db.insert(teamActionUpdates).values({
        actionId: action.id,
        sessionId: action.sessionId,
        outcome: 'created',
        note: null,
        at: action.at,
      });
    },

    async edit(id, change) {
      await db
        .update(teamActions)
        .set({
          text: change.text,
          ownerName: change.ownerName,
          ownerUserId: change.ownerUserId,
          due: change.due,
          updatedAt: change.at,
        })
        .where(eq(teamActions.id, id));
    },

    async remove(id) {
      await db.delete(teamActions).where(eq(teamActions.id, id));
    },

    async review(id, decision) {
      const updated = await db
        .update(teamActions)
        .set({ status: statusAfter[decision.outcome], updatedAt: decision.at })
        .where(eq(teamActions.id, id))
        .returning({ id: teamActions.id });
      if (updated.length === 0) return;
      await db
        .delete(teamActionUpdates)
        .where(
          and(
            eq(teamActionUpdates.actionId, id),
            eq(teamActionUpdates.sessionId, decision.sessionId),
            inArray(teamActionUpdates.outcome, ['done', 'carried', 'dropped']),
          ),
        );
      await db.insert(teamActionUpdates).values({
        actionId: id,
        sessionId: decision.sessionId,
        outcome: decision.outcome,
        note: decision.note,
        at: decision.at,
      });
    },

    async listOpen(teamId) {
      const rows = await db
        .select()
        .from(teamActions)
        .where(and(eq(teamActions.teamId, teamId), eq(teamActions.status, 'open')))
        .orderBy(asc(teamActions.createdAt), asc(teamActions.id));
      return withHistory(rows);
    },

    async listByTeam(teamId) {
      const rows = await db
        .select()
        .from(teamActions)
        .where(eq(teamActions.teamId, teamId))
        .orderBy(asc(teamActions.createdAt), asc(teamActions.id));
      return withHistory(rows);
    },
  };
}
