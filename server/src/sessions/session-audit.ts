import type { Repositories } from '../db/store.ts';
import type { TeamEffectContext } from './team-effects.ts';

/** Records facilitators' consequential session actions in the team's audit log. */
export async function auditSessionEvents(
  _tx: Repositories,
  _context: TeamEffectContext,
): Promise<void> {
  // Filled in by the audit work.
}
