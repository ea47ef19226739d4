import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  fail,
  inviteExpiresAt,
  inviteStatus,
  ok,
  roleAfterInvite,
  type Invite,
  type InviteAccepted,
  type InviteCreated,
  type InviteLookup,
  type InviteRole,
  type Result,
} from '@reflectory/shared';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { AuditEntry } from '../db/audit-repository.ts';
import type { Repositories, Store } from '../db/store.ts';
import type { InviteRecord, TeamRecord } from '../db/teams-repository.ts';
import { hashInviteToken, inviteLink, newInviteToken } from './invite-tokens.ts';
import { auditEntry, teamAccess } from './team-access.ts';

/** Revoked, unknown and malformed links get this one answer. */
export const noSuchInvite =
  'This invitation link does not work: it may have been revoked or mistyped. Ask the team’s owner for a new one.';

function toInvite(record: InviteRecord): Invite {
  return {
    id: record.id,
    role: record.role,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
  };
}

/**
 * Invitation links: owners make, list and revoke them [TM1]; anyone holding one may look it up and,
 * signed in, join with it while it works [TM8, TM9]. Changes and their audit entries commit together.
 */
export class InvitationService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private entry(
    user: SignedInUser,
    teamId: string,
    action: string,
    details: Record<string, unknown>,
  ): AuditEntry {
    return auditEntry(user, teamId, action, details, this.now());
  }

  async create(
    user: SignedInUser,
    teamId: string,
    input: { role: InviteRole; expiresInDays: number },
  ): Promise<Result<InviteCreated>> {
    return this.store.transaction(async (tx) => {
      const access = await teamAccess(tx, user, teamId, 'manageMembers');
      if (!access.ok) return access;
      const { token, tokenHash } = newInviteToken();
      const createdAt = this.now();
      const invite: InviteRecord = {
        id: randomUUID(),
        teamId,
        role: input.role,
        createdBy: user.id,
        createdAt,
        expiresAt: inviteExpiresAt(createdAt, input.expiresInDays),
        revokedAt: null,
      };
      await tx.teams.createInvite({ ...invite, tokenHash });
      await tx.audit.append(
        this.entry(user, teamId, 'invite.created', {
          inviteId: invite.id,
          role: invite.role,
          expiresAt: invite.expiresAt.toISOString(),
        }),
      );
      return ok({ invite: toInvite(invite), link: inviteLink(token) });
    });
  }

  async list(user: SignedInUser, teamId: string): Promise<Result<Invite[]>> {
    const access = await teamAccess(this.store, user, teamId, 'manageMembers');
    if (!access.ok) return access;
    const invites = await this.store.teams.listActiveInvites(teamId, this.now());
    return ok(invites.map(toInvite));
  }

  async revoke(user: SignedInUser, teamId: string, inviteId: string): Promise<Result<void>> {
    return this.store.transaction(async (tx) => {
      const access = await teamAccess(tx, user, teamId, 'manageMembers');
      if (!access.ok) return access;
      const revoked = await tx.teams.revokeInvite(teamId, inviteId, this.now());
      if (!revoked) {
        return fail(ErrorCode.notFound, 'There is no such invitation, or it was already revoked.');
      }
      await tx.audit.append(this.entry(user, teamId, 'invite.revoked', { inviteId }));
      return ok(undefined);
    });
  }

  /** The invitation behind a link, if it still works. */
  private async findInvite(
    repos: Repositories,
    token: string,
  ): Promise<Result<{ invite: InviteRecord; team: TeamRecord }>> {
    const invite = await repos.teams.findInviteByTokenHash(hashInviteToken(token));
    const status = invite ? inviteStatus(invite, this.now()) : 'revoked';
    const team =
      invite && status === 'active' ? await repos.teams.findById(invite.teamId) : undefined;
    if (status === 'expired') {
      return fail(
        ErrorCode.notFound,
        'This invitation link has expired. Ask the team’s owner for a new one.',
      );
    }
    if (!invite || !team) return fail(ErrorCode.notFound, noSuchInvite);
    return ok({ invite, team });
  }

  async lookup(token: string, user: SignedInUser | undefined): Promise<Result<InviteLookup>> {
    const found = await this.findInvite(this.store, token);
    if (!found.ok) return found;
    const { invite, team } = found.data;
    const yourRole = user ? await this.store.teams.roleOf(team.id, user.id) : undefined;
    return ok({
      team: { id: team.id, name: team.name },
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
      ...(yourRole ? { yourRole } : {}),
    });
  }

  async accept(token: string, user: SignedInUser): Promise<Result<InviteAccepted>> {
    return this.store.transaction(async (tx) => {
      const found = await this.findInvite(tx, token);
      if (!found.ok) return found;
      const { invite, team } = found.data;
      const existing = await tx.teams.roleOf(team.id, user.id);
      const after = roleAfterInvite(existing, invite.role);
      if (after.joined) {
        // A concurrent accept by the same account may have added it meanwhile: then nothing changes.
        const added = await tx.teams.addMember(team.id, user.id, after.role, this.now());
        if (!added) {
          const role = (await tx.teams.roleOf(team.id, user.id)) ?? after.role;
          return ok({ team: { id: team.id, name: team.name }, role, joined: false });
        }
        await tx.audit.append(
          this.entry(user, team.id, 'member.joined', {
            userId: user.id,
            name: user.displayName,
            role: after.role,
            inviteId: invite.id,
          }),
        );
      }
      return ok({ team: { id: team.id, name: team.name }, role: after.role, joined: after.joined });
    });
  }
}
