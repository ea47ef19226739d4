import { z } from 'zod';

/** A person's role in a team (their role in a session is separate: see roles.ts). */
export const teamRoleSchema = z.enum(['owner', 'facilitator', 'member']);
export type TeamRole = z.infer<typeof teamRoleSchema>;

/** What a team role permits. Each rule id names its test. */
export type TeamPermission =
  /** [TM1] Only owners manage members: invite, change roles, remove, revoke invites. */
  | 'manageMembers'
  /** [TM2] Only owners change the team's settings (name, retention). */
  | 'manageTeam'
  /** [TM3] Only facilitators (and owners) start the team's sessions. */
  | 'startSessions'
  /** [TM4] Only owners read the audit log. */
  | 'readAudit'
  /** [TM5] Every member sees the team page: sessions, open actions, and exports of summaries. */
  | 'viewTeam';

const allowed: Record<TeamPermission, readonly TeamRole[]> = {
  manageMembers: ['owner'],
  manageTeam: ['owner'],
  startSessions: ['owner', 'facilitator'],
  readAudit: ['owner'],
  viewTeam: ['owner', 'facilitator', 'member'],
};

export function teamCan(role: TeamRole, permission: TeamPermission): boolean {
  return allowed[permission].includes(role);
}
