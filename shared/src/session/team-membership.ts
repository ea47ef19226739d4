import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import { teamCan, type TeamRole } from './team-roles.ts';

/** A change an account asks of another member's (or its own) place in a team. */
export type MemberChange = { kind: 'setRole'; role: TeamRole } | { kind: 'remove' };

/** The role an invitation link grants: owners are made by other owners, never by a link. */
export type InviteRole = Exclude<TeamRole, 'owner'>;

export const inviteDaysMin = 1;
export const inviteDaysMax = 30;
export const inviteDaysDefault = 7;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whether `actor` may make `change` to `target`'s membership.
 * [TM1] only owners change roles or remove others; [TM6] the last owner can be neither demoted nor
 * removed, nor leave; [TM7] anyone may leave a team (remove themselves).
 */
export function checkMemberChange(input: {
  actor: { userId: string; role: TeamRole };
  /** Undefined when the account is not in the team. */
  target: { userId: string; role: TeamRole; displayName: string } | undefined;
  change: MemberChange;
  /** How many owners the team has now. */
  ownerCount: number;
}): Result<void> {
  const { actor, target, change, ownerCount } = input;
  const leaving = change.kind === 'remove' && target?.userId === actor.userId;
  if (!leaving && !teamCan(actor.role, 'manageMembers')) {
    return fail(ErrorCode.forbidden, 'Only the team’s owners change roles and remove members.');
  }
  if (!target) return fail(ErrorCode.notFound, 'That person is not a member of this team.');
  const losesOwner = change.kind === 'remove' || change.role !== 'owner';
  if (target.role === 'owner' && losesOwner && ownerCount <= 1) {
    const who = target.userId === actor.userId ? 'You are' : `${target.displayName} is`;
    return fail(
      ErrorCode.conflict,
      `${who} the team’s only owner. Make someone else an owner first, so the team keeps one.`,
    );
  }
  return ok(undefined);
}

/**
 * [TM8] Joining by invitation adds someone who is not in the team with the link's role; someone
 * already in it keeps their role (an owner is never demoted by a link, a member never promoted).
 */
export function roleAfterInvite(
  existing: TeamRole | undefined,
  invited: InviteRole,
): { role: TeamRole; joined: boolean } {
  return existing === undefined
    ? { role: invited, joined: true }
    : { role: existing, joined: false };
}

export type InviteStatus = 'active' | 'expired' | 'revoked';

/** [TM9] An invitation admits people until it is revoked or its expiry time has come. */
export function inviteStatus(
  invite: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  return now.getTime() < invite.expiresAt.getTime() ? 'active' : 'expired';
}

/** When an invitation made at `now` to last `days` days stops working. */
export function inviteExpiresAt(now: Date, days: number): Date {
  return new Date(now.getTime() + days * dayMs);
}
