import type { Actor, SessionEvent, SessionState } from '@reflectory/shared';
import type { ParticipantRecord } from '../db/participants-repository.ts';
import type { Repositories } from '../db/store.ts';
import { auditSessionEvents } from './session-audit.ts';
import { syncTeamActions } from './team-actions-sync.ts';

/** What a team session's command changed, as its team's records see it. */
export interface TeamEffectContext {
  teamId: string;
  sessionId: string;
  actor: Actor;
  participants: ReadonlyMap<string, ParticipantRecord>;
  before: SessionState;
  after: SessionState;
  events: readonly SessionEvent[];
}

/**
 * Mirrors a team session's command into the team's own records (its actions and their history,
 * its audit log) inside the command's transaction, so both commit together or not at all.
 */
export async function recordTeamEffects(
  tx: Repositories,
  context: TeamEffectContext,
): Promise<void> {
  await syncTeamActions(tx, context);
  await auditSessionEvents(tx, context);
}
