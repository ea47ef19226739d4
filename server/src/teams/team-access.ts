import {
  ErrorCode,
  fail,
  ok,
  teamCan,
  type Result,
  type TeamPermission,
  type TeamRole,
} from '@reflectory/shared';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { AuditEntry } from '../db/audit-repository.ts';
import type { Repositories } from '../db/store.ts';
import type { TeamRecord } from '../db/teams-repository.ts';

/** Non-members get the same answer as for a team that does not exist, so ids do not leak. */
export const noSuchTeam = 'There is no such team, or you are not a member of it.';

const refusals: Record<TeamPermission, string> = {
  manageMembers: 'Only the team’s owners manage its members and invitations.',
  manageTeam: 'Only the team’s owners change its name and retention.',
  startSessions: 'Only the team’s facilitators and owners start its sessions.',
  readAudit: 'Only the team’s owners read its audit log.',
  viewTeam: noSuchTeam,
};

export interface TeamAccess {
  team: TeamRecord;
  role: TeamRole;
}

/**
 * The team and the account's role in it, if `teamCan(role, permission)`: `not_found` for anyone
 * outside the team (or no such team), `forbidden` for a member whose role may not.
 */
export async function teamAccess(
  repos: Repositories,
  user: SignedInUser,
  teamId: string,
  permission: TeamPermission,
): Promise<Result<TeamAccess>> {
  const team = await repos.teams.findById(teamId);
  const role = team ? await repos.teams.roleOf(teamId, user.id) : undefined;
  if (!team || !role) return fail(ErrorCode.notFound, noSuchTeam);
  if (!teamCan(role, permission)) return fail(ErrorCode.forbidden, refusals[permission]);
  return ok({ team, role });
}

/** An audit entry for something an account did (ids, names and counts only in `details`). */
export function auditEntry(
  user: SignedInUser,
  teamId: string,
  action: string,
  details: Record<string, unknown>,
  at: Date,
  sessionId: string | null = null,
): AuditEntry {
  return {
    teamId,
    sessionId,
    actorUserId: user.id,
    actorName: user.displayName,
    action,
    details,
    at,
  };
}
