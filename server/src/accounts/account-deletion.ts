import type { Store } from '../db/store.ts';

export type AccountDeletion =
  { ok: true; deletedTeams: number } | { ok: false; reason: 'sole_owner'; teams: string[] };

/**
 * Deletes an account unless it is the only owner of a team others still belong to: such a team
 * would be left with no one able to manage it. Teams the person is alone in go with the account.
 * The check and the deletion share one transaction, with those teams locked against joins.
 */
export function deleteAccount(store: Store, userId: string): Promise<AccountDeletion> {
  return store.transaction(async (tx) => {
    const blocking = await tx.users.lockTeamsBlockingDeletion(userId);
    if (blocking.length > 0) return { ok: false, reason: 'sole_owner', teams: blocking };
    const { deletedTeams } = await tx.users.deleteWithOwnTeams(userId);
    return { ok: true, deletedTeams };
  });
}

/** Names a list for a sentence: "A", "A and B", "A, B and C". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
