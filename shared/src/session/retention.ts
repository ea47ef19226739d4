/**
 * How long a session's raw board (notes, themes' notes, the event log, the board document) is
 * kept: a team's `retention_days` after the session closes, then only its outcome remains.
 */

export const dayMs = 24 * 60 * 60 * 1000;

/** The close reason a board replica gets when retention has deleted its session's board. */
export const purgedCloseReason = 'the notes of this session were deleted under its retention';

/** What people connected to a session are told when retention has deleted its board. */
export const purgedBoardMessage =
  'This session’s notes were deleted under its retention policy. Its summary (themes, counts and actions) is still available.';

/**
 * [RT5] A session still open this many days after it started (or after the time it was scheduled
 * for, if later) is abandoned: the server closes it, so that its retention starts to run instead of
 * its notes being kept for ever.
 */
export const abandonedAfterDays = 7;

export interface AbandonSubject {
  createdAt: number;
  scheduledFor: number | null;
  closedAt: number | null;
}

export function isAbandoned(session: AbandonSubject, now: number): boolean {
  if (session.closedAt !== null) return false;
  const start = Math.max(session.createdAt, session.scheduledFor ?? session.createdAt);
  return start + abandonedAfterDays * dayMs <= now;
}

/** What a standalone session (no team) keeps unless the server is configured otherwise. */
export const defaultRetentionDays = 30;

/**
 * When a session's notes will be deleted (ms since the epoch), or null while it is open.
 * [RT1] Retention counts from the close. [RT2] 0 days means at the close itself.
 * [RT3] An open session has no deletion date.
 */
export function notesDeleteAt(closedAt: number | null, retentionDays: number): number | null {
  if (closedAt === null) return null;
  return closedAt + Math.max(0, Math.floor(retentionDays)) * dayMs;
}

export interface RetentionSubject {
  closedAt: number | null;
  purgedAt: number | null;
}

/**
 * Whether retention should delete a session's raw board now. [RT3] An open session never is;
 * [RT4] a session already purged is not purged again.
 */
export function isDueForPurge(
  session: RetentionSubject,
  retentionDays: number,
  now: number,
): boolean {
  if (session.purgedAt !== null) return false;
  const deleteAt = notesDeleteAt(session.closedAt, retentionDays);
  return deleteAt !== null && deleteAt <= now;
}
