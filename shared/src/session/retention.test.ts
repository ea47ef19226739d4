import { describe, expect, it } from 'vitest';
import { dayMs, isDueForPurge, notesDeleteAt } from './retention.ts';

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
});
