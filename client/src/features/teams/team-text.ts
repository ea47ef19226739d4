import type { AuditEntryView, TeamRole, TeamSession } from '@reflectory/shared';

const roleLabels: Record<TeamRole, string> = {
  owner: 'Owner',
  facilitator: 'Facilitator',
  member: 'Member',
};

export function teamRoleLabel(role: TeamRole): string {
  return roleLabels[role];
}

/** What each role may do, in a sentence, for the places that offer a role. */
export const teamRoleMeaning: Record<TeamRole, string> = {
  owner: 'manages members, invitations, settings and reads the audit log; can also start sessions',
  facilitator: 'starts and runs the team’s sessions',
  member: 'takes part and sees the team page',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** A yyyy-mm-dd due date as people read it. */
export function formatDue(due: string): string {
  return dateFormat.format(new Date(`${due}T12:00:00Z`));
}

/** The team's retention in words. */
export function retentionSentence(days: number): string {
  if (days === 0) return 'Notes are deleted as soon as a session closes.';
  return `Notes are deleted ${days === 1 ? '1 day' : `${days} days`} after a session closes.`;
}

/** What happened to a closed session's notes, or the date they go. */
export function notesFate(session: TeamSession, now: Date): string {
  if (session.purgedAt !== null) return 'Notes deleted';
  if (session.notesDeleteAt === null) return 'Notes kept while the session is open';
  if (Date.parse(session.notesDeleteAt) <= now.getTime()) return 'Notes being deleted';
  return `Notes deleted on ${formatDate(session.notesDeleteAt)}`;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function role(value: unknown): string {
  return typeof value === 'string' && value in roleLabels
    ? roleLabels[value as TeamRole].toLowerCase()
    : text(value);
}

/** One audit entry as a sentence, from its action and details (ids and counts only). */
export function describeAuditEntry(
  entry: Pick<AuditEntryView, 'action' | 'details'> & { sessionTitle?: string | null },
): string {
  const d = entry.details;
  const session = entry.sessionTitle ? `the session “${entry.sessionTitle}”` : 'a session';
  switch (entry.action) {
    case 'team.created':
      return `Created the team “${text(d.name)}”`;
    case 'team.renamed':
      return `Renamed the team from “${text(d.from)}” to “${text(d.to)}”`;
    case 'team.retention_changed':
      return `Changed retention from ${text(d.from)} to ${text(d.to)} days`;
    case 'member.joined':
      return `Joined as ${role(d.role)} through an invitation`;
    case 'member.role_changed':
      return `Changed ${text(d.name)}’s role from ${role(d.from)} to ${role(d.to)}`;
    case 'member.removed':
      return `Removed ${text(d.name)} (${role(d.role)}) from the team`;
    case 'member.left':
      return 'Left the team';
    case 'invite.created':
      return `Made an invitation link for a ${role(d.role)}`;
    case 'invite.revoked':
      return 'Revoked an invitation link';
    case 'session.started':
      return `Started the session “${text(d.title)}”`;
    case 'session.revealed': {
      const count = Number(d.count);
      return `Revealed ${count === 1 ? '1 note' : `${text(d.count)} notes`} in ${session}`;
    }
    case 'session.role_changed':
      return `Made ${text(d.participantName)} ${text(d.role)} in ${session}`;
    case 'session.participant_removed':
      return `Removed ${text(d.participantName)} from ${session}`;
    case 'session.closed':
      return `Closed ${session}`;
    case 'session.visibility_changed':
      return `Set a stage’s notes to ${text(d.visibility)} in ${session}`;
    case 'session.exported':
      return `Exported the summary of ${session}${d.format ? ` (${text(d.format)})` : ''}`;
    case 'retention.purged':
      return `Deleted the notes of ${session} under the retention setting`;
    default:
      return entry.action;
  }
}
