import type { Database } from './database.ts';

/** Tables whose deleted rows held what must not be kept: who voted for what, held anonymous notes. */
export const scrubbedTables = ['ballots', 'held_notes', 'held_changes'] as const;
export type ScrubbedTable = (typeof scrubbedTables)[number];

/** Called by repositories when a change leaves deleted rows in a scrubbed table. */
export type ScrubRequest = (table: ScrubbedTable) => void;

interface TableState {
  /** The rewrite under way, if any. */
  running: Promise<void> | undefined;
  /** Asked for again while running: rewrite once more when done. */
  again: boolean;
  failures: number;
  retry: NodeJS.Timeout | undefined;
}

const firstRetryMs = 500;
const maxRetryMs = 60_000;

/**
 * Rewrites a table after a transaction deleted (or updated) rows that must not stay readable:
 * closed ballots, released or reshuffled anonymous notes. PostgreSQL leaves a deleted row in its
 * page until VACUUM, and a plain VACUUM only unlinks it: its bytes stay in the page's free space,
 * readable in the table's file by a superuser (measured on PostgreSQL 15 and PGlite).
 * `VACUUM FULL` writes the live rows into a new file with new indexes; the old file is emptied
 * when the rewrite commits. It cannot run inside a transaction, so it runs after the commit, one
 * at a time per table: requests meanwhile are folded into one more run. A rewrite that cannot get
 * its lock at once (a long reader such as a backup holds the table) gives up rather than stall the
 * commands queued behind it, and is tried again later.
 *
 * Nothing is logged on success: a log line's time would say when an anonymous note was posted.
 */
export class Scrubber {
  private readonly tables = new Map<ScrubbedTable, TableState>();
  private closed = false;

  constructor(
    private readonly database: Pick<Database, 'vacuumFull'>,
    private readonly onFailure: (error: unknown, table: ScrubbedTable) => void,
  ) {}

  readonly request: ScrubRequest = (table) => {
    if (this.closed) return;
    let entry = this.tables.get(table);
    if (!entry) {
      entry = { running: undefined, again: false, failures: 0, retry: undefined };
      this.tables.set(table, entry);
    }
    if (entry.running) {
      entry.again = true;
      return;
    }
    if (entry.retry) return;
    entry.running = this.run(table, entry);
  };

  private async run(table: ScrubbedTable, entry: TableState): Promise<void> {
    try {
      do {
        entry.again = false;
        await this.database.vacuumFull(table);
      } while (entry.again && !this.closed);
      entry.failures = 0;
    } catch (error) {
      entry.failures += 1;
      this.onFailure(error, table);
      if (!this.closed) {
        entry.retry = setTimeout(
          () => {
            entry.retry = undefined;
            this.request(table);
          },
          Math.min(maxRetryMs, firstRetryMs * 2 ** (entry.failures - 1)),
        );
        entry.retry.unref();
      }
    } finally {
      entry.running = undefined;
    }
  }

  /** Resolves when no rewrite is running (a pending retry does not count). */
  async idle(): Promise<void> {
    await Promise.all([...this.tables.values()].map((entry) => entry.running));
  }

  /** Stops taking requests and drops pending retries; the running rewrite finishes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.tables.values()) clearTimeout(entry.retry);
    await this.idle();
  }
}
