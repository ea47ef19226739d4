import { describe, expect, it } from 'vitest';
import { Scrubber, type ScrubbedTable } from './scrubber.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A database whose rewrites take `ms` and fail while `failing` is set. */
function fakeDatabase(ms = 20) {
  const runs: Array<{ table: ScrubbedTable; at: number }> = [];
  const fake = {
    runs,
    failing: false,
    async vacuumFull(table: ScrubbedTable) {
      runs.push({ table, at: Date.now() });
      await pause(ms);
      if (fake.failing) throw new Error('lock timeout');
    },
  };
  return fake;
}

describe('Scrubber', () => {
  it('rewrites at once after a quiet spell, and folds requests during a run into one more run after the gap', async () => {
    const database = fakeDatabase();
    const scrubber = new Scrubber(database, () => {}, { minGapMs: 60 });
    scrubber.request('held_notes');
    expect(database.runs).toHaveLength(1);
    for (let i = 0; i < 5; i += 1) scrubber.request('held_notes');
    await pause(40);
    expect(database.runs).toHaveLength(1);
    await pause(80);
    expect(database.runs).toHaveLength(2);
    const [first, second] = database.runs;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(20 + 60 - 5);
    await scrubber.close();
  });

  it('keeps tables apart: a run of one does not hold up another', () => {
    const database = fakeDatabase();
    const scrubber = new Scrubber(database, () => {}, { minGapMs: 60 });
    scrubber.request('held_notes');
    scrubber.request('ballots');
    expect(database.runs.map((run) => run.table)).toEqual(['held_notes', 'ballots']);
    return scrubber.close();
  });

  it('a failed rewrite is reported and tried again later', async () => {
    const database = fakeDatabase(5);
    const failures: unknown[] = [];
    const scrubber = new Scrubber(database, (error) => failures.push(error), { minGapMs: 10 });
    database.failing = true;
    scrubber.request('ballots');
    await pause(20);
    expect(failures).toHaveLength(1);
    database.failing = false;
    await pause(600);
    expect(database.runs).toHaveLength(2);
    expect(failures).toHaveLength(1);
    await scrubber.close();
  });

  it('after close, nothing waiting runs and no request is taken', async () => {
    const database = fakeDatabase(5);
    const scrubber = new Scrubber(database, () => {}, { minGapMs: 30 });
    scrubber.request('held_changes');
    scrubber.request('held_changes');
    await scrubber.close();
    scrubber.request('held_changes');
    await pause(60);
    expect(database.runs).toHaveLength(1);
  });
});
