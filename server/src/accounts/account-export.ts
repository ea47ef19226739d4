import { modelSchema, stepsForModel, type AccountExport } from '@reflectory/shared';
import type { PersonalData, UserRecord } from '../db/users-repository.ts';

/** The sentence every download carries, in the words docs/accounts.md uses. */
export const anonymousNotesExplained =
  'This file holds what Reflectory keeps about you: your account, your teams, the sessions you joined while signed in, the named notes you wrote in them that still exist, and the team actions you own. Anonymous notes you wrote are not included: Reflectory keeps nothing that ties an anonymous note to its author, so there is nothing to find them by.';

function stageTitles(model: unknown): Map<string, string> {
  const parsed = modelSchema.safeParse(model);
  if (!parsed.success) return new Map();
  return new Map(stepsForModel(parsed.data).map((step) => [step.id, step.title]));
}

/** Shapes a person's data for their download; pure, so what is in it is decided in one place. */
export function toAccountExport(
  user: Pick<UserRecord, 'email' | 'displayName' | 'createdAt'>,
  data: PersonalData,
  now: Date,
): AccountExport {
  const notesBy = new Map<string, PersonalData['notes']>();
  for (const note of data.notes) {
    notesBy.set(note.participantId, [...(notesBy.get(note.participantId) ?? []), note]);
  }
  const votesBy = new Map<string, PersonalData['votes']>();
  for (const vote of data.votes) {
    votesBy.set(vote.participantId, [...(votesBy.get(vote.participantId) ?? []), vote]);
  }
  return {
    exportedAt: now.toISOString(),
    about: anonymousNotesExplained,
    account: {
      email: user.email,
      displayName: user.displayName,
      createdAt: user.createdAt.toISOString(),
    },
    teams: data.teams.map((team) => ({
      name: team.name,
      role: team.role,
      joinedAt: team.joinedAt.toISOString(),
    })),
    sessions: data.participations.map((taken) => {
      const titles = stageTitles(taken.model);
      return {
        title: taken.sessionTitle,
        team: taken.teamName,
        createdAt: taken.createdAt.toISOString(),
        closedAt: taken.closedAt?.toISOString() ?? null,
        displayName: taken.displayName,
        role: taken.role,
        notes: (notesBy.get(taken.participantId) ?? []).map((note) => ({
          stage: titles.get(note.areaId) ?? note.areaId,
          text: note.text,
          createdAt: note.createdAt.toISOString(),
        })),
        votes: (votesBy.get(taken.participantId) ?? []).map((vote) => ({
          stage: titles.get(vote.stepId) ?? vote.stepId,
          note: vote.noteText,
          count: vote.count,
        })),
      };
    }),
    actions: data.actions.map((action) => ({
      team: action.teamName,
      text: action.text,
      due: action.due,
      status: action.status,
      createdAt: action.createdAt.toISOString(),
    })),
  };
}
