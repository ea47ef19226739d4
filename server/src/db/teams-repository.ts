import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { InviteRole, TeamRole } from '@reflectory/shared';
import type { Db } from './database.ts';
import { sessions, teamInvites, teamMembers, teams, users } from './schema.ts';

export type { InviteRole, TeamRole };

export interface TeamRecord {
  id: string;
  name: string;
  /** Raw boards are deleted this many days after a session closes (0: at close). */
  retentionDays: number;
  createdAt: Date;
}

export interface TeamMemberRecord {
  userId: string;
  displayName: string;
  email: string;
  role: TeamRole;
  joinedAt: Date;
}

export interface InviteRecord {
  id: string;
  teamId: string;
  role: InviteRole;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** A team's session as its team page lists it. */
export interface TeamSessionRecord {
  id: string;
  title: string;
  /** The name of the model the session was started with. */
  modelName: string;
  joinCode: string;
  scheduledFor: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  purgedAt: Date | null;
}

export interface TeamsRepository {
  /** Creates the team with its first owner. */
  create(team: { id: string; name: string; ownerUserId: string; at: Date }): Promise<void>;
  findById(id: string): Promise<TeamRecord | undefined>;
  update(id: string, change: { name?: string; retentionDays?: number }): Promise<void>;
  /**
   * Locks the team's row until the transaction ends, so that concurrent changes to its members
   * (two owners demoting each other) run one after the other. Call inside `store.transaction`.
   */
  lock(id: string): Promise<void>;
  /** The teams an account belongs to, with its role in each, by name. */
  listForUser(userId: string): Promise<Array<TeamRecord & { role: TeamRole }>>;
  roleOf(teamId: string, userId: string): Promise<TeamRole | undefined>;
  /** Owners first, then facilitators, then members; by name within a role. */
  listMembers(teamId: string): Promise<TeamMemberRecord[]>;
  /** Adds a member; false (and nothing changes) when the account is already in the team. */
  addMember(teamId: string, userId: string, role: TeamRole, at: Date): Promise<boolean>;
  setRole(teamId: string, userId: string, role: TeamRole): Promise<boolean>;
  removeMember(teamId: string, userId: string): Promise<boolean>;
  createInvite(invite: Omit<InviteRecord, 'revokedAt'> & { tokenHash: string }): Promise<void>;
  findInviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>;
  /** Invites neither revoked nor expired at `now`, newest first. */
  listActiveInvites(teamId: string, now: Date): Promise<InviteRecord[]>;
  /** Revokes an invite of this team; false when there is no such unrevoked invite. */
  revokeInvite(teamId: string, inviteId: string, at: Date): Promise<boolean>;
  /** The team's sessions, newest first, at most `limit`. */
  listSessions(teamId: string, limit: number): Promise<TeamSessionRecord[]>;
}

const inviteColumns = {
  id: teamInvites.id,
  teamId: teamInvites.teamId,
  role: teamInvites.role,
  createdBy: teamInvites.createdBy,
  createdAt: teamInvites.createdAt,
  expiresAt: teamInvites.expiresAt,
  revokedAt: teamInvites.revokedAt,
};

const roleOrder = sql`case ${teamMembers.role} when 'owner' then 0 when 'facilitator' then 1 else 2 end`;

export function createTeamsRepository(db: Db): TeamsRepository {
  return {
    async create(team) {
      await db.insert(teams).values({ id: team.id, name: team.name, createdAt: team.at });
      await db
        .insert(teamMembers)
        .values({ teamId: team.id, userId: team.ownerUserId, role: 'owner', joinedAt: team.at });
    },

    async findById(id) {
      const rows = await db.select().from(teams).where(eq(teams.id, id)).limit(1);
      return rows[0];
    },

    async update(id, change) {
      if (change.name === undefined && change.retentionDays === undefined) return;
      await db
        .update(teams)
        .set({
          ...(change.name === undefined ? {} : { name: change.name }),
          ...(change.retentionDays === undefined ? {} : { retentionDays: change.retentionDays }),
        })
        .where(eq(teams.id, id));
    },

    async lock(id) {
      await db.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).for('update');
    },

    async listForUser(userId) {
      return db
        .select({
          id: teams.id,
          name: teams.name,
          retentionDays: teams.retentionDays,
          createdAt: teams.createdAt,
          role: teamMembers.role,
        })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(eq(teamMembers.userId, userId))
        .orderBy(asc(teams.name), asc(teams.id));
    },

    async roleOf(teamId, userId) {
      const rows = await db
        .select({ role: teamMembers.role })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
        .limit(1);
      return rows[0]?.role;
    },

    async listMembers(teamId) {
      return db
        .select({
          userId: teamMembers.userId,
          displayName: users.displayName,
          email: users.email,
          role: teamMembers.role,
          joinedAt: teamMembers.joinedAt,
        })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(eq(teamMembers.teamId, teamId))
        .orderBy(roleOrder, asc(users.displayName), asc(users.id));
    },

    async addMember(teamId, userId, role, at) {
      const rows = await db
        .insert(teamMembers)
        .values({ teamId, userId, role, joinedAt: at })
        .onConflictDoNothing()
        .returning({ userId: teamMembers.userId });
      return rows.length === 1;
    },

    async setRole(teamId, userId, role) {
      const rows = await db
        .update(teamMembers)
        .set({ role })
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
        .returning({ userId: teamMembers.userId });
      return rows.length === 1;
    },

    async removeMember(teamId, userId) {
      const rows = await db
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
        .returning({ userId: teamMembers.userId });
      return rows.length === 1;
    },

    async createInvite(invite) {
      await db.insert(teamInvites).values(invite);
    },

    async findInviteByTokenHash(tokenHash) {
      const rows = await db
        .select(inviteColumns)
        .from(teamInvites)
        .where(eq(teamInvites.tokenHash, tokenHash))
        .limit(1);
      return rows[0];
    },

    async listActiveInvites(teamId, now) {
      return db
        .select(inviteColumns)
        .from(teamInvites)
        .where(
          and(
            eq(teamInvites.teamId, teamId),
            isNull(teamInvites.revokedAt),
            gt(teamInvites.expiresAt, now),
          ),
        )
        .orderBy(desc(teamInvites.createdAt), asc(teamInvites.id));
    },

    async revokeInvite(teamId, inviteId, at) {
      const rows = await db
        .update(teamInvites)
        .set({ revokedAt: at })
        .where(
          and(
            eq(teamInvites.id, inviteId),
            eq(teamInvites.teamId, teamId),
            isNull(teamInvites.revokedAt),
          ),
        )
        .returning({ id: teamInvites.id });
      return rows.length === 1;
    },

    async listSessions(teamId, limit) {
      return db
        .select({
          id: sessions.id,
          title: sessions.title,
          modelName: sql<string>`coalesce(${sessions.model}->>'name', '')`,
          joinCode: sessions.joinCode,
          scheduledFor: sessions.scheduledFor,
          createdAt: sessions.createdAt,
          closedAt: sessions.closedAt,
          purgedAt: sessions.purgedAt,
        })
        .from(sessions)
        .where(eq(sessions.teamId, teamId))
        .orderBy(desc(sessions.createdAt), asc(sessions.id))
        .limit(limit);
    },
  };
}
