import { describe, expect, it } from 'vitest';
import {
  abandonedAfterDays,
  dayMs,
  isAbandoned,
  isDueForPurge,
  notesDeleteAt,
} from './retention.ts';

const closedAt = Date.UTC(2026, 0, 10, 15, 30);

describe('retention', () => {
  it('[RT1] retention counts from the close', () => {
    expect(notesDeleteAt(closedAt, 30)).toBe(closedAt + 30 * dayMs);
    const open = { closedAt, purgedAt: null };
    expect(isDueForPurge(open, 30, closedAt + 29 * dayMs)).toBe(false);
    expect(isDueForPurge(open, 30, closedAt + 30 * dayMs - 1)).toBe(false);
    expect(isDueForPurge(open, 30, closedAt + 30 * dayMs)).toBe(true);
    expect(isDueForPurge(open, 30, closedAt + 31 * dayMs)).toBe(true);
  });

  it('[RT2] 0 days means the notes go at the close', () => {
    expect(notesDeleteAt(closedAt, 0)).toBe(closedAt);
    expect(isDueForPurge({ closedAt, purgedAt: null }, 0, closedAt)).toBe(true);
    expect(isDueForPurge({ closedAt, purgedAt: null }, 0, closedAt - 1)).toBe(false);
  });

  it('[RT3] an open session is never purged', () => {
    expect(notesDeleteAt(null, 30)).toBeNull();
    expect(notesDeleteAt(null, 0)).toBeNull();
    expect(isDueForPurge({ closedAt: null, purgedAt: null }, 0, closedAt + 1000 * dayMs)).toBe(
      false,
    );
  });

  it('[RT4] a purged session is not purged again', () => {
    expect(isDueForPurge({ closedAt, purgedAt: closedAt }, 0, closedAt + 100 * dayMs)).toBe(false);
  });

  it('a negative or fractional retention never deletes before the close', () => {
    expect(notesDeleteAt(closedAt, -5)).toBe(closedAt);
    expect(notesDeleteAt(closedAt, 1.9)).toBe(closedAt + dayMs);
  });

  it('[RT5] a session still open a week after it started, or after its planned time, is abandoned', () => {
    const createdAt = 1_000 * dayMs;
    const week = abandonedAfterDays * dayMs;
    const open = { createdAt, scheduledFor: null, closedAt: null };
    expect(isAbandoned(open, createdAt + week - 1)).toBe(false);
    expect(isAbandoned(open, createdAt + week)).toBe(true);
    // Planned a month ahead: abandoned only a week after the planned time.
    const planned = { ...open, scheduledFor: createdAt + 30 * dayMs };
    expect(isAbandoned(planned, createdAt + week)).toBe(false);
    expect(isAbandoned(planned, createdAt + 37 * dayMs)).toBe(true);
    // A closed session is never abandoned: retention already runs for it.
    expect(isAbandoned({ ...open, closedAt: createdAt + dayMs }, createdAt + 99 * dayMs)).toBe(
      false,
    );
  });
});
