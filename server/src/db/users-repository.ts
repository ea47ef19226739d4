import { and, asc, eq, exists, inArray, ne, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';
import { isUniqueViolation } from './sessions-repository.ts';
import {
  ballots,
  notes,
  participants,
  sessions,
  teamActions,
  teamMembers,
  teams,
  users,
} from './schema.ts';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  createdAt: Date;
}

/** What the database holds about one person, as their own download reads it. */
export interface PersonalData {
  teams: Array<{ name: string; role: string; joinedAt: Date }>;
  /** One entry per participant row linked to the account. */
  participations: Array<{
    participantId: string;
    displayName: string;
    role: string;
    sessionTitle: string;
    teamName: string | null;
    model: unknown;
    createdAt: Date;
    closedAt: Date | null;
  }>;
  /** Notes whose row names one of those participants: named notes only, by construction. */
  notes: Array<{ participantId: string; areaId: string; text: string; createdAt: Date }>;
  /** Those participants' votes in voting still open (the only votes kept); null text: deleted. */
  votes: Array<{ participantId: string; stepId: string; noteText: string | null; count: number }>;
  actions: Array<{
    teamName: string;
    text: string;
    due: string | null;
    status: string;
    createdAt: Date;
  }>;
}

export interface UsersRepository {
  /** Inserts an account; `email_taken` when the (lower-cased) email already has one. */
  create(
    user: Omit<UserRecord, 'createdAt'>,
  ): Promise<{ ok: true } | { ok: false; reason: 'email_taken' }>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  findById(id: string): Promise<UserRecord | undefined>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  personalData(id: string): Promise<PersonalData>;
  /**
   * Names of the teams the person is the only owner of while others are members: the account
   * cannot go before someone else owns them. Locks those teams' rows against joins until the
   * transaction ends (call it inside the transaction that deletes).
   */
  lockTeamsBlockingDeletion(id: string): Promise<string[]>;
  /**
   * Deletes the account with the teams it is the only member of. Memberships and sign-ins go with
   * it (cascade); session rows, participants and actions only lose the link (set null). Returns
   * the ids of the sessions deleted with those teams: their documents, which no foreign key ties
   * to the session, are the caller's to delete.
   */
  deleteWithOwnTeams(id: string): Promise<{ deletedTeams: number; deletedSessions: string[] }>;
}

export function createUsersRepository(db: Db): UsersRepository {
  const others = alias(teamMembers, 'others');

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

    async personalData(id) {
      const memberships = await db
        .select({ name: teams.name, role: teamMembers.role, joinedAt: teamMembers.joinedAt })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(eq(teamMembers.userId, id))
        .orderBy(asc(teams.name));
      const participations = await db
        .select({
          participantId: participants.id,
          displayName: participants.displayName,
          role: participants.role,
          sessionTitle: sessions.title,
          teamName: teams.name,
          model: sessions.model,
          createdAt: sessions.createdAt,
          closedAt: sessions.closedAt,
        })
        .from(participants)
        .innerJoin(sessions, eq(sessions.id, participants.sessionId))
        .leftJoin(teams, eq(teams.id, sessions.teamId))
        .where(eq(participants.userId, id))
        .orderBy(asc(sessions.createdAt), asc(participants.createdAt));
      const written = await db
        .select({
          participantId: participants.id,
          areaId: notes.areaId,
          text: notes.text,
          createdAt: notes.createdAt,
        })
        .from(notes)
        .innerJoin(participants, eq(participants.id, notes.authorId))
        .where(eq(participants.userId, id))
        .orderBy(asc(notes.createdAt), asc(notes.id));
      const actions = await db
        .select({
          teamName: teams.name,
          text: teamActions.text,
          due: teamActions.due,
          status: teamActions.status,
          createdAt: teamActions.createdAt,
        })
        .from(teamActions)
        .innerJoin(teams, eq(teams.id, teamActions.teamId))
        .where(eq(teamActions.ownerUserId, id))
        .orderBy(asc(teamActions.createdAt));
      const votes = await db
        .select({
          participantId: ballots.participantId,
          stepId: ballots.stepId,
          noteText: notes.text,
          count: ballots.count,
        })
        .from(ballots)
        .innerJoin(participants, eq(participants.id, ballots.participantId))
        .leftJoin(notes, eq(notes.id, ballots.noteId))
        .where(eq(participants.userId, id))
        .orderBy(asc(ballots.stepId), asc(notes.createdAt));
      return { teams: memberships, participations, notes: written, votes, actions };
    },

    async lockTeamsBlockingDeletion(id) {
      const mine = db
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(eq(teamMembers.userId, id));
      await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, mine)).for('update');
      const rows = await db
        .select({ name: teams.name })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(
          and(
            eq(teamMembers.userId, id),
            eq(teamMembers.role, 'owner'),
            notExists(
              db
                .select({ userId: others.userId })
                .from(others)
                .where(
                  and(
                    eq(others.teamId, teamMembers.teamId),
                    eq(others.role, 'owner'),
                    ne(others.userId, id),
                  ),
                ),
            ),
            exists(
              db
                .select({ userId: others.userId })
                .from(others)
                .where(and(eq(others.teamId, teamMembers.teamId), ne(others.userId, id))),
            ),
          ),
        )
        .orderBy(asc(teams.name));
      return rows.map((row) => row.name);
    },

    async deleteWithOwnTeams(id) {
      const alone = await db
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(
          and(
            eq(teamMembers.userId, id),
            notExists(
              db
                .select({ userId: others.userId })
                .from(others)
                .where(and(eq(others.teamId, teamMembers.teamId), ne(others.userId, id))),
            ),
          ),
        );
      const teamIds = alone.map((row) => row.teamId);
      const deletedSessions =
        teamIds.length === 0
          ? []
          : await db
              .select({ id: sessions.id })
              .from(sessions)
              .where(inArray(sessions.teamId, teamIds));
      if (teamIds.length > 0) await db.delete(teams).where(inArray(teams.id, teamIds));
      await db.delete(users).where(eq(users.id, id));
      return {
        deletedTeams: teamIds.length,
        deletedSessions: deletedSessions.map((session) => session.id),
      };
    },
  };
}
