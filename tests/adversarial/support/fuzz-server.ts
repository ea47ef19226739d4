import postgres from 'postgres';
import { createScratchPostgres, type ScratchPostgres } from '../../support/databases.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';

/** Tables whose rows change without a write to the content: compaction folds one into the other. */
const docTables = new Set(['doc_updates', 'doc_snapshots']);

/**
 * What the store holds, in a form that changes with every write: per table its row count and the
 * newest writing transaction (`xmin`: an insert or an update sets it, a delete lowers the count),
 * and for the boards the id of the newest Yjs update, which compaction keeps (it moves updates into
 * a snapshot without changing the document).
 */
export type Fingerprint = Map<string, string>;

export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [table, value] of after) {
    const was = before.get(table);
    if (was !== value) changed.push(`${table}: ${was ?? 'absent'} -> ${value}`);
  }
  return changed;
}

/**
 * The server as a separate process on a scratch PostgreSQL database, so that a crash shows as the
 * process exiting, and the test reads the store while the server runs.
 */
export class FuzzServer {
  private fingerprintQuery = '';
  /** How much of the output `newProblems` has read. */
  private read = 0;

  private constructor(
    readonly process: ServerProcess,
    readonly sql: postgres.Sql,
    private readonly scratch: ScratchPostgres,
  ) {}

  static async start(serverUrl: string): Promise<FuzzServer> {
    const scratch = await createScratchPostgres(serverUrl);
    const server = await startServerProcess({ DATABASE_URL: scratch.url });
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const fuzz = new FuzzServer(server, sql, scratch);
    await fuzz.prepareFingerprint();
    return fuzz;
  }

  get baseUrl(): string {
    return this.process.baseUrl;
  }

  get port(): number {
    return Number(new URL(this.baseUrl).port);
  }

  /** Undefined while the process runs; otherwise how it ended. */
  exited(): string | undefined {
    const { exitCode, signalCode } = this.process.child;
    if (exitCode === null && signalCode === null) return undefined;
    return `the server process exited (code ${exitCode}, signal ${signalCode})`;
  }

  /**
   * Log lines that mean something went wrong inside: errors and fatals from the server's logger,
   * and anything written outside it (a stack trace on stderr, an uncaught exception).
   */
  problems(output = this.process.output()): string[] {
    const problems: string[] = [];
    for (const line of output.split('\n')) {
      if (line.trim() === '') continue;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        problems.push(line);
        continue;
      }
      const level = (entry as { level?: unknown }).level;
      if (typeof level !== 'number' || level >= 50) problems.push(line);
    }
    return problems;
  }

  /** Problems logged since the last call (whole lines only). */
  newProblems(): string[] {
    const output = this.process.output();
    const end = output.lastIndexOf('\n') + 1;
    if (end <= this.read) return [];
    const fresh = output.slice(this.read, end);
    this.read = end;
    return this.problems(fresh);
  }

  async fingerprint(): Promise<Fingerprint> {
    const rows = await this.sql.unsafe<Array<{ t: string; v: string }>>(this.fingerprintQuery);
    return new Map(rows.map((row) => [row.t, row.v]));
  }

  /** Anonymous notes and changes waiting for their batch: the room writes them on its own. */
  async heldFor(sessionId: string): Promise<number> {
    const [row] = await this.sql<Array<{ n: number }>>`
      select (select count(*) from held_notes where session_id = ${sessionId})::int
           + (select count(*) from held_changes where session_id = ${sessionId})::int as n`;
    return row?.n ?? 0;
  }

  async stop(): Promise<void> {
    await this.process.stop('SIGKILL');
    await this.sql.end({ timeout: 5 });
    await this.scratch.drop();
  }

  private async prepareFingerprint(): Promise<void> {
    const tables = await this.sql<Array<{ name: string }>>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
    const parts = tables
      .map((table) => table.name)
      .filter((name) => !docTables.has(name))
      .map(
        (name) =>
          `select '${name}' as t, count(*) || '/' || coalesce(max(xmin::text::bigint), 0) as v from public."${name}"`,
      );
    parts.push(
      `select 'board documents' as t, greatest(
         (select coalesce(max(id), 0) from doc_updates),
         (select coalesce(max(upto_id), 0) from doc_snapshots))::text as v`,
    );
    this.fingerprintQuery = parts.join(' union all ');
  }
}
