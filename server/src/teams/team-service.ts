import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  checkMemberChange,
  fail,
  ok,
  type AuditPage,
  type Membership,
  type MemberChange,
  type Result,
  type TeamPage,
  type TeamRole,
  type TeamSummary,
} from '@reflectory/shared';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { AuditEntry } from '../db/audit-repository.ts';
import type { Store } from '../db/store.ts';
import type { TeamRecord } from '../db/teams-repository.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { auditEntry, noSuchTeam, teamAccess } from './team-access.ts';
import { buildTeamPage } from './team-page.ts';

export const auditPageSize = 50;
/** The team page lists at most this many sessions (the most recent). */
export const teamPageSessionLimit = 200;

function summary(team: TeamRecord, role: TeamRole): TeamSummary {
  return { id: team.id, name: team.name, retentionDays: team.retentionDays, role };
}

/**
 * Teams, their members, sessions and audit log: what the team routes ask (invitations are in
 * invitation-service.ts). Every permission is `teamCan` from shared/ (through `teamAccess`);
 * every change and its audit entry commit in one transaction.
 */
export class TeamService {
  constructor(
    private readonly store: Store,
    private readonly sessions: SessionService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private entry(
    user: SignedInUser,
    teamId: string,
    action: string,
    details: Record<string, unknown>,
    sessionId: string | null = null,
  ): AuditEntry {
    return auditEntry(user, teamId, action, details, this.now(), sessionId);
  }

  async create(user: SignedInUser, name: string): Promise<TeamSummary> {
    const id = randomUUID();
    const at = this.now();
    return this.store.transaction(async (tx) => {
      await tx.teams.create({ id, name, ownerUserId: user.id, at });
      await tx.audit.append(this.entry(user, id, 'team.created', { name }));
      const team = await tx.teams.findById(id);
      if (!team) throw new Error('a team just created is missing');
      return summary(team, 'owner');
    });
  }

  async list(user: SignedInUser): Promise<TeamSummary[]> {
    const teams = await this.store.teams.listForUser(user.id);
    return teams.map((team) => summary(team, team.role));
  }

  async page(user: SignedInUser, teamId: string): Promise<Result<TeamPage>> {
    const access = await teamAccess(this.store, user, teamId, 'viewTeam');
    if (!access.ok) return access;
    const [members, sessions, actions] = await Promise.all([
      this.store.teams.listMembers(teamId),
      this.store.teams.listSessions(teamId, teamPageSessionLimit),
      this.store.teamActions.listOpen(teamId),
    ]);
    return ok(
      buildTeamPage({
        team: access.data.team,
        you: { userId: user.id, role: access.data.role },
        members,
        sessions,
        actions,
      }),
    );
  }

  async update(
    user: SignedInUser,
    teamId: string,
    change: { name?: string | undefined; retentionDays?: number | undefined },
  ): Promise<Result<TeamSummary>> {
    return this.store.transaction(async (tx) => {
      const access = await teamAccess(tx, user, teamId, 'manageTeam');
      if (!access.ok) return access;
      const { team } = access.data;
      const name = change.name ?? team.name;
      const retentionDays = change.retentionDays ?? team.retentionDays;
      await tx.teams.update(teamId, { name, retentionDays });
      if (name !== team.name) {
        await tx.audit.append(
          this.entry(user, teamId, 'team.renamed', { from: team.name, to: name }),
        );
      }
      if (retentionDays !== team.retentionDays) {
        await tx.audit.append(
          this.entry(user, teamId, 'team.retention_changed', {
            from: team.retentionDays,
            to: retentionDays,
          }),
        );
      }
      return ok(summary({ ...team, name, retentionDays }, access.data.role));
    });
  }

  /** Changes a member's role or removes them (or the account itself: leaving). */
  async changeMember(
    user: SignedInUser,
    teamId: string,
    targetUserId: string,
    change: MemberChange,
  ): Promise<Result<void>> {
    return this.store.transaction(async (tx) => {
      const access = await teamAccess(tx, user, teamId, 'viewTeam');
      if (!access.ok) return access;
      // Serialises member changes of this team, so that the last owner stays an owner.
      await tx.teams.lock(teamId);
      const members = await tx.teams.listMembers(teamId);
      // Read under the lock, so the count is the team's as the change will find it.
      const ownerCount = members.filter((member) => member.role === 'owner').length;
      const actor = members.find((member) => member.userId === user.id);
      if (!actor) return fail(ErrorCode.notFound, noSuchTeam);
      const target = members.find((member) => member.userId === targetUserId);
      const checked = checkMemberChange({ actor, target, change, ownerCount });
      if (!checked.ok || !target) return checked;

      if (change.kind === 'setRole') {
        if (change.role === target.role) return ok(undefined);
        await tx.teams.setRole(teamId, target.userId, change.role);
        await tx.audit.append(
          this.entry(user, teamId, 'member.role_changed', {
            userId: target.userId,
            name: target.displayName,
            from: target.role,
            to: change.role,
          }),
        );
      } else {
        await tx.teams.removeMember(teamId, target.userId);
        const leaving = target.userId === user.id;
        await tx.audit.append(
          leaving
            ? this.entry(user, teamId, 'member.left', { role: target.role })
            : this.entry(user, teamId, 'member.removed', {
                userId: target.userId,
                name: target.displayName,
                role: target.role,
              }),
        );
      }
      return ok(undefined);
    });
  }

  /** Starts a session of the team, with the account as its facilitator. */
  async startSession(
    user: SignedInUser,
    teamId: string,
    input: {
      title: string;
      facilitatorName?: string | undefined;
      modelId?: string | undefined;
      scheduledFor?: string | undefined;
      /** This browser's device hash, issuing its cookie if need be: asked only once allowed. */
      device: () => string;
    },
  ): Promise<Result<Membership>> {
    const access = await teamAccess(this.store, user, teamId, 'startSessions');
    if (!access.ok) return access;
    const scheduledFor = input.scheduledFor === undefined ? null : new Date(input.scheduledFor);
    const created = await this.sessions.create({
      title: input.title,
      facilitatorName: input.facilitatorName ?? user.displayName,
      modelId: input.modelId,
      deviceHash: input.device(),
      userId: user.id,
      teamId,
      scheduledFor,
    });
    if (!created.ok) return created;
    await this.store.audit.append(
      this.entry(
        user,
        teamId,
        'session.started',
        {
          title: created.data.session.title,
          ...(scheduledFor ? { scheduledFor: scheduledFor.toISOString() } : {}),
        },
        created.data.session.id,
      ),
    );
    return created;
  }

  async auditLog(
    user: SignedInUser,
    teamId: string,
    before: number | undefined,
  ): Promise<Result<AuditPage>> {
    const access = await teamAccess(this.store, user, teamId, 'readAudit');
    if (!access.ok) return access;
    const rows = await this.store.audit.listByTeam(teamId, {
      limit: auditPageSize + 1,
      ...(before === undefined ? {} : { before }),
    });
    const page = rows.slice(0, auditPageSize);
    const last = page.at(-1);
    return ok({
      entries: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actorName: row.actorName,
        action: row.action,
        sessionId: row.sessionId,
        sessionTitle: row.sessionTitle,
        details: row.details,
      })),
      nextBefore: rows.length > auditPageSize && last ? last.id : null,
    });
  }
}
