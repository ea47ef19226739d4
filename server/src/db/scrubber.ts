import type { Database } from './database.ts';

/** Tables whose deleted rows held what must not be kept: who voted for what, held anonymous notes. */
export const scrubbedTables = ['ballots', 'held_notes', 'held_changes'] as const;
export type ScrubbedTable = (typeof scrubbedTables)[number];

/** Called by repositories when a change leaves deleted rows in a scrubbed table. */
export type ScrubRequest = (table: ScrubbedTable) => void;

interface TableState {
  /** The rewrite under way, if any. */
  running: Promise<void> | undefined;
  /** Asked for while running: rewrite once more, after the gap. */
  again: boolean;
  /** A rewrite waiting for the gap to pass, or for a retry. */
  waiting: NodeJS.Timeout | undefined;
  lastEnded: number;
  failures: number;
}

const firstRetryMs = 500;
const maxRetryMs = 60_000;

export interface ScrubberOptions {
  /**
   * The least time between the end of one rewrite of a table and the start of the next. A rewrite
   * holds the table's exclusive lock for its whole run (about 5–30 ms, docs/architecture.md), and
   * every command writing the table waits for it: back to back, rewrites would hold up every
   * anonymous post of a busy server. A burst of posts is rewritten once per gap instead, the first
   * post of a quiet spell at once.
   */
  minGapMs: number;
}

export const defaultScrubberOptions: ScrubberOptions = { minGapMs: 250 };

/**
 * Rewrites a table after a transaction deleted (or updated) rows that must not stay readable:
 * closed ballots, released or reshuffled anonymous notes. PostgreSQL leaves a deleted row in its
 * page until VACUUM, and a plain VACUUM only unlinks it: its bytes stay in the page's free space,
 * readable in the table's file by a superuser (measured on PostgreSQL 15 and PGlite).
 * `VACUUM FULL` writes the live rows, in the same order, into a new file with new indexes; the
 * old file is emptied when the rewrite commits. It cannot run inside a transaction, so it runs
 * after the commit, one at a time per table, requests meanwhile folded into one more run. A
 * rewrite that cannot get its lock at once (a long reader such as a backup holds the table) gives
 * up rather than stall the commands queued behind it, and is tried again later.
 *
 * Nothing is logged on success: a log line's time would say when an anonymous note was posted.
 */
export class Scrubber {
  private readonly tables = new Map<ScrubbedTable, TableState>();
  private closed = false;

  constructor(
    private readonly database: Pick<Database, 'vacuumFull'>,
    private readonly onFailure: (error: unknown, table: ScrubbedTable) => void,
    private readonly options: ScrubberOptions = defaultScrubberOptions,
  ) {}

  readonly request: ScrubRequest = (table) => {
    if (this.closed) return;
    let entry = this.tables.get(table);
    if (!entry) {
      entry = { running: undefined, again: false, waiting: undefined, lastEnded: 0, failures: 0 };
      this.tables.set(table, entry);
    }
    if (entry.running) {
      entry.again = true;
      return;
    }
    if (entry.waiting) return;
    const wait = entry.lastEnded + this.options.minGapMs - Date.now();
    if (wait > 0) this.later(table, entry, wait);
    else entry.running = this.run(table, entry);
  };

  private later(table: ScrubbedTable, entry: TableState, delayMs: number): void {
    entry.waiting = setTimeout(() => {
      entry.waiting = undefined;
      if (!this.closed) entry.running = this.run(table, entry);
    }, delayMs);
    entry.waiting.unref();
  }

  private async run(table: ScrubbedTable, entry: TableState): Promise<void> {
    entry.again = false;
    let retryMs: number | undefined;
    try {
      await this.database.vacuumFull(table);
      entry.failures = 0;
    } catch (error) {
      entry.failures += 1;
      this.onFailure(error, table);
      retryMs = Math.min(maxRetryMs, firstRetryMs * 2 ** (entry.failures - 1));
    } finally {
      entry.running = undefined;
      entry.lastEnded = Date.now();
    }
    if (this.closed) return;
    if (retryMs !== undefined) this.later(table, entry, retryMs);
    else if (entry.again) this.later(table, entry, this.options.minGapMs);
  }

  /** Resolves when no rewrite is running (one waiting for its time does not count). */
  async idle(): Promise<void> {
    await Promise.all([...this.tables.values()].map((entry) => entry.running));
  }

  /** Stops taking requests and drops waiting ones; the running rewrite finishes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.tables.values()) clearTimeout(entry.waiting);
    await this.idle();
  }
}
