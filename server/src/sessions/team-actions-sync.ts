import type { ActionOwner } from '@reflectory/shared';
import type { Repositories } from '../db/store.ts';
import type { TeamEffectContext } from './team-effects.ts';

/** The owner as the team's records keep it: a name as it was in the session, and their account. */
function ownerOf(
  owner: ActionOwner,
  context: TeamEffectContext,
): { ownerName: string | null; ownerUserId: string | null } {
  if (owner.kind === 'team' || owner.participantId === null) {
    return { ownerName: null, ownerUserId: null };
  }
  const record = context.participants.get(owner.participantId);
  return {
    ownerName: context.after.participants[owner.participantId]?.name ?? record?.displayName ?? null,
    ownerUserId: record?.userId ?? null,
  };
}

/**
 * Keeps the team's actions and their history in step with the session: actions agreed, changed or
 * taken back on its board, and its decisions on the actions of earlier sessions. Runs inside the
 * command's transaction, so the team's records never disagree with the board.
 */
export async function syncTeamActions(tx: Repositories, context: TeamEffectContext): Promise<void> {
  for (const event of context.events) {
    switch (event.type) {
      case 'ActionAdded':
        await tx.teamActions.create({
          id: event.actionId,
          teamId: context.teamId,
          sessionId: context.sessionId,
          text: event.text,
          ...ownerOf(event.owner, context),
          due: event.due,
          at: new Date(event.at),
        });
        break;
      case 'ActionEdited':
        await tx.teamActions.edit(event.actionId, {
          text: event.text,
          ...ownerOf(event.owner, context),
          due: event.due,
          at: new Date(event.at),
        });
        break;
      case 'ActionRemoved':
        await tx.teamActions.remove(event.actionId);
        break;
      case 'PreviousActionReviewed':
        await tx.teamActions.review(event.actionId, {
          sessionId: context.sessionId,
          outcome: event.outcome,
          note: event.note,
          at: new Date(event.at),
        });
        break;
      default:
        break;
    }
  }
}
