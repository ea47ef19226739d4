import {
  notesDeleteAt,
  teamCan,
  type TeamAction,
  type TeamMember,
  type TeamPage,
  type TeamRole,
  type TeamSession,
} from '@reflectory/shared';
import type { TeamActionRecord } from '../db/team-actions-repository.ts';
import type { TeamMemberRecord, TeamRecord, TeamSessionRecord } from '../db/teams-repository.ts';

function toSession(record: TeamSessionRecord, retentionDays: number): TeamSession {
  const open = record.closedAt === null;
  const deleteAt = notesDeleteAt(record.closedAt?.getTime() ?? null, retentionDays);
  return {
    id: record.id,
    title: record.title,
    modelName: record.modelName,
    ...(open ? { joinCode: record.joinCode } : {}),
    scheduledFor: record.scheduledFor?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    purgedAt: record.purgedAt?.toISOString() ?? null,
    notesDeleteAt: deleteAt === null ? null : new Date(deleteAt).toISOString(),
  };
}

function toMember(record: TeamMemberRecord, withEmail: boolean): TeamMember {
  return {
    userId: record.userId,
    displayName: record.displayName,
    role: record.role,
    joinedAt: record.joinedAt.toISOString(),
    ...(withEmail ? { email: record.email } : {}),
  };
}

function toAction(record: TeamActionRecord, titles: ReadonlyMap<string, string>): TeamAction {
  return {
    id: record.id,
    text: record.text,
    ownerName: record.ownerName,
    due: record.due,
    createdAt: record.createdAt.toISOString(),
    history: record.history.map((update) => ({
      sessionId: update.sessionId,
      sessionTitle: update.sessionId === null ? null : (titles.get(update.sessionId) ?? null),
      outcome: update.outcome,
      note: update.note,
      at: update.at.toISOString(),
    })),
  };
}

const plannedTime = (session: TeamSessionRecord) =>
  (session.scheduledFor ?? session.createdAt).getTime();

/** The team page as one member sees it: emails only for those who manage members (owners). */
export function buildTeamPage(input: {
  team: TeamRecord;
  you: { userId: string; role: TeamRole };
  members: TeamMemberRecord[];
  sessions: TeamSessionRecord[];
  actions: TeamActionRecord[];
}): TeamPage {
  const { team, you } = input;
  const titles = new Map(input.sessions.map((session) => [session.id, session.title]));
  const upcoming = input.sessions
    .filter((session) => session.closedAt === null)
    .sort((a, b) => plannedTime(a) - plannedTime(b));
  const past = input.sessions
    .filter((session) => session.closedAt !== null)
    .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0));
  return {
    team: {
      id: team.id,
      name: team.name,
      retentionDays: team.retentionDays,
      createdAt: team.createdAt.toISOString(),
    },
    you,
    members: input.members.map((member) => toMember(member, teamCan(you.role, 'manageMembers'))),
    sessions: {
      upcoming: upcoming.map((session) => toSession(session, team.retentionDays)),
      past: past.map((session) => toSession(session, team.retentionDays)),
    },
    actions: input.actions.map((action) => toAction(action, titles)),
  };
}
