import {
  boundedHistory,
  previousActionsMax,
  previousActionsSchema,
  type PreviousAction,
} from '@reflectory/shared';
import type { Repositories } from '../db/store.ts';

/**
 * The team's open actions as a new session reviews them: each with its owner, date, the session
 * that agreed it and what happened to it since, oldest first. Parsed by the same schema the
 * session is loaded with, so a snapshot that would not load is never stored.
 */
export async function snapshotPreviousActions(
  store: Pick<Repositories, 'teamActions'>,
  teamId: string,
): Promise<PreviousAction[]> {
  const open = await store.teamActions.listOpen(teamId);
  return previousActionsSchema.parse(
    open.slice(0, previousActionsMax).map((action) => ({
      id: action.id,
      text: action.text,
      ownerName: action.ownerName,
      due: action.due,
      fromSessionTitle:
        action.history.find((entry) => entry.outcome === 'created')?.sessionTitle ?? null,
      history: boundedHistory(
        action.history.map((entry) => ({
          sessionTitle: entry.sessionTitle,
          outcome: entry.outcome,
          note: entry.note,
          at: entry.at.getTime(),
        })),
      ),
    })),
  );
}
