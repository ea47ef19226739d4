import {
  sessionOutcomeSchema,
  summarize,
  summaryFromOutcome,
  type ReflectionSummary,
  type SessionState,
} from '@reflectory/shared';
import type { ParticipantRecord } from '../db/participants-repository.ts';
import type { SessionRecord } from '../db/sessions-repository.ts';
import type { Store } from '../db/store.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';

/** The summary of a session's state, with its people's names as the session knew them. */
export function summaryOf(
  state: SessionState,
  participants: ReadonlyMap<string, ParticipantRecord>,
  session: Pick<SessionRecord, 'id' | 'createdAt' | 'closedAt'>,
): ReflectionSummary {
  const names = Object.fromEntries(
    [...participants.values()].map((person) => [person.id, person.displayName]),
  );
  return summarize(state, {
    sessionId: session.id,
    createdAt: session.createdAt.getTime(),
    closedAt: session.closedAt?.getTime() ?? null,
    names,
  });
}

async function fromOutcome(
  store: Store,
  sessionId: string,
): Promise<ReflectionSummary | undefined> {
  const stored = sessionOutcomeSchema.safeParse(await store.retention.findOutcome(sessionId));
  return stored.success ? summaryFromOutcome(sessionId, stored.data) : undefined;
}

/**
 * A session's summary: from its live state (loaded through the room registry) while its board
 * exists, and from its stored outcome, with no notes, once retention has deleted the board.
 */
export async function loadSummary(
  store: Store,
  rooms: RoomRegistry,
  sessionId: string,
): Promise<ReflectionSummary | undefined> {
  const session = await store.sessions.findById(sessionId);
  if (!session) return undefined;
  if (session.purgedAt !== null) return fromOutcome(store, sessionId);
  const room = await rooms.get(sessionId);
  // No room: retention purged the session in the meantime.
  if (!room) return fromOutcome(store, sessionId);
  return summaryOf(room.state, room.participants, session);
}
