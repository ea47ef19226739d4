import { presenceSchema, type Presence } from '@reflectory/shared';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Who is here, from the presence entries the server put in awareness. Entries that do not parse
 * are ignored, as is this browser's own (empty) entry; one person with two tabs is listed once.
 */
export function readRoster(awareness: Awareness): Presence[] {
  const byParticipant = new Map<string, Presence>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const presence = presenceSchema.safeParse(state);
    if (presence.success) byParticipant.set(presence.data.participantId, presence.data);
  }
  return [...byParticipant.values()].sort(
    (a, b) =>
      Number(b.role === 'facilitator') - Number(a.role === 'facilitator') ||
      a.name.localeCompare(b.name),
  );
}
