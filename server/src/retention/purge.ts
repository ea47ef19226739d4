import { isDueForPurge, outcomeOf } from '@reflectory/shared';
import type { PurgedCounts } from '../db/retention-repository.ts';
import type { Store } from '../db/store.ts';
import { summaryOf } from '../exports/summary-source.ts';
import { loadRoom } from '../sessions/room-loader.ts';

export type PurgeResult =
  | { purged: true; teamId: string | null; retentionDays: number; counts: PurgedCounts }
  | { purged: false; reason: 'unknown' | 'open' | 'already_purged' | 'not_due' };

/**
 * Deletes a session's raw board if its retention has run out at `now`, in one transaction: its
 * summary is folded from the stored state and kept as the session's outcome (no note text), then
 * its notes, event log, documents, held anonymous notes and changes, and command receipts are
 * deleted, `purged_at` is set and, for a team session, the team's audit log records it (counts
 * only). Idempotent: a purged, open or not-yet-due session is left as it is.
 *
 * Does not touch a live room: the caller evicts it (see `Retention.purge`).
 */
export async function purgeSession(
  store: Store,
  anySpelling: string,
  now: Date,
  defaultRetentionDays: number,
): Promise<PurgeResult> {
  return store.transaction(async (tx) => {
    const record = await tx.retention.lockForPurge(anySpelling);
    if (!record) return { purged: false, reason: 'unknown' };
    // The stored spelling: document names hold the id exactly as the database gives it.
    const sessionId = record.id;
    if (record.purgedAt !== null) return { purged: false, reason: 'already_purged' };
    if (record.closedAt === null) return { purged: false, reason: 'open' };
    const retentionDays = record.teamRetentionDays ?? defaultRetentionDays;
    const subject = { closedAt: record.closedAt.getTime(), purgedAt: null };
    if (!isDueForPurge(subject, retentionDays, now.getTime())) {
      return { purged: false, reason: 'not_due' };
    }

    const loaded = await loadRoom(tx, sessionId);
    if (!loaded) return { purged: false, reason: 'unknown' };
    loaded.doc.destroy();
    const summary = summaryOf(loaded.state, loaded.participants, loaded.session);
    await tx.retention.saveOutcome(
      sessionId,
      outcomeOf(summary, { at: now.toISOString(), retentionDays }),
    );
    const counts = await tx.retention.deleteRawContent(sessionId);
    await tx.retention.markPurged(sessionId, now);
    if (record.teamId !== null) {
      await tx.audit.append({
        teamId: record.teamId,
        sessionId,
        actorUserId: null,
        actorName: 'Retention',
        action: 'retention.purged',
        details: { retentionDays, ...counts },
        at: now,
      });
    }
    return { purged: true, teamId: record.teamId, retentionDays, counts };
  });
}
