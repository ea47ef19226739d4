import type { Repositories } from '../db/store.ts';
import type { TeamEffectContext } from './team-effects.ts';

/** Keeps the team's actions and their history in step with the session's actions. */
export async function syncTeamActions(
  _tx: Repositories,
  _context: TeamEffectContext,
): Promise<void> {
  // Filled in by the cycle work (team actions across sessions).
}
