import { DocCloseCode } from '@reflectory/shared';
import type { Store } from '../db/store.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';

export type AccountDeletion =
  | { ok: true; deletedTeams: number; deletedSessions: string[] }
  | { ok: false; reason: 'sole_owner'; teams: string[] };

/**
 * Deletes an account unless it is the only owner of a team others still belong to: such a team
 * would be left with no one able to manage it. Teams the person is alone in go with the account,
 * with their sessions: the rows by cascade, the sessions' documents (which hold the notes) here.
 * The check and the deletion share one transaction, with those teams locked against joins.
 */
export function deleteAccount(store: Store, userId: string): Promise<AccountDeletion> {
  return store.transaction(async (tx) => {
    const blocking = await tx.users.lockTeamsBlockingDeletion(userId);
    if (blocking.length > 0) return { ok: false, reason: 'sole_owner', teams: blocking };
    const { deletedTeams, deletedSessions } = await tx.users.deleteWithOwnTeams(userId);
    for (const sessionId of deletedSessions) await tx.retention.deleteRawContent(sessionId);
    return { ok: true, deletedTeams, deletedSessions };
  });
}

export const deletedSessionMessage = 'This session was deleted with its team.';

/**
 * Ends the live rooms of sessions deleted with a team, inside each room's queue (so no command or
 * compaction is half-way), and deletes again whatever the room wrote before it ended.
 */
export async function endDeletedSessions(
  store: Store,
  rooms: RoomRegistry,
  sessionIds: readonly string[],
): Promise<void> {
  for (const sessionId of sessionIds) {
    const end = async () => {
      rooms.evictPurged(
        sessionId,
        DocCloseCode.purged,
        'the session was deleted',
        deletedSessionMessage,
      );
      await store.retention.deleteRawContent(sessionId);
    };
    const room = rooms.peek(sessionId);
    await (room ? room.enqueue(end) : end());
  }
}

/** Names a list for a sentence: "A", "A and B", "A, B and C". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
