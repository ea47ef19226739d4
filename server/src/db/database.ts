import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { ScrubbedTable } from './scrubber.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one query interface the repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /** Applies every migration in drizzle/ that has not run yet; safe to call on every start. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  /**
   * Rewrites a table with `VACUUM FULL` (see `Scrubber`), outside any transaction. Rejects if the
   * table's lock is not granted within `vacuumLockTimeoutMs`: the caller tries again later.
   */
  vacuumFull(table: ScrubbedTable): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Raised when the database cannot be opened; its message is one line fit for an operator. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export interface PostgresOptions {
  /** Connections in the pool; see `defaultPoolSize`. */
  poolSize?: number;
  /** Called with every statement sent, BEGIN and COMMIT included; tests count them. */
  onStatement?: (statement: string) => void;
}

/**
 * How long a table rewrite waits for its exclusive lock before it gives up. Every command writing
 * the table queues behind a waiting rewrite, so the wait must stay far below the commands' 2 s.
 */
export const vacuumLockTimeoutMs = 200;

/** Ten connections: what bench:commands measured as enough for one process (docs/benchmarks.md). */
export const defaultPoolSize = 10;

/**
 * drizzle sends every statement it was not given a name for with `prepare: false`, and postgres.js
 * then asks the server for the parameter types before it can bind them: two round trips for each
 * statement, every time. This lets postgres.js prepare them as it does by default (once per
 * connection and statement text), so that each later use is one round trip and statements issued
 * together are pipelined. A prepared statement stays on its connection until postgres.js recycles
 * it (30–60 min): statements with many parameters, whose text varies with their row count (a
 * reveal's rows), are not prepared, so that their number stays bounded.
 */
const maxPreparedParameters = 64;

function preparing<T extends Pick<postgres.Sql, 'unsafe'>>(sql: T): T {
  return new Proxy(sql, {
    get(target, property) {
      if (property === 'unsafe') {
        const unsafe: postgres.Sql['unsafe'] = (query, parameters, options) =>
          target.unsafe(query, parameters, {
            ...options,
            prepare: (parameters?.length ?? 0) <= maxPreparedParameters,
          });
        return unsafe;
      }
      const value: unknown = Reflect.get(target, property, target);
      if ((property === 'begin' || property === 'savepoint') && typeof value === 'function') {
        return (...args: unknown[]) => {
          const work = args.at(-1) as (inner: postgres.TransactionSql) => unknown;
          return (value as (...rest: unknown[]) => unknown)(
            ...args.slice(0, -1),
            (inner: postgres.TransactionSql) => work(preparing(inner)),
          );
        };
      }
      return value;
    },
  });
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const { onStatement } = options;
  const client = postgres(url, {
    max: options.poolSize ?? defaultPoolSize,
    connect_timeout: 5,
    onnotice: () => {},
    connection: { application_name: 'reflectory' },
    ...(onStatement ? { debug: (_connection: number, query: string) => onStatement(query) } : {}),
  });
  const db = drizzlePostgres({ client: preparing(client), schema });
  // Rewrites run one at a time on a connection of their own, outside the pool the commands use,
  // with a short lock timeout set once for the connection. PostgreSQL skips a table its role does
  // not own with only a warning: that warning fails the rewrite, so that it is logged.
  let maintenance: postgres.Sql | undefined;
  let maintenanceQueue: Promise<unknown> = Promise.resolve();
  let skipped: string | undefined;
  const database: Database = {
    kind: 'postgres',
    db: db as unknown as Db,
    migrate: () => migratePostgres(db, { migrationsFolder }),
    ping: async (timeoutMs) => {
      await withTimeout(db.execute(sql`select 1`), timeoutMs);
    },
    vacuumFull: (table) => {
      maintenance ??= postgres(url, {
        max: 1,
        connect_timeout: 5,
        idle_timeout: 60,
        onnotice: (notice) => {
          // A rewrite warns only when it skips the table ("only table or database owner can
          // vacuum it").
          if (notice.severity === 'WARNING') skipped = String(notice.message);
        },
        connection: {
          application_name: 'reflectory-maintenance',
          lock_timeout: vacuumLockTimeoutMs,
        },
      });
      const sql = maintenance;
      const run = maintenanceQueue.then(async () => {
        skipped = undefined;
        await sql.unsafe(`vacuum full ${quoted(table)}`);
        if (skipped !== undefined) throw new Error(`${table} was not rewritten: ${skipped}`);
      });
      maintenanceQueue = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), maintenance?.end({ timeout: 5 })]);
    },
  };
  try {
    await database.ping(6000);
  } catch (error) {
    await client.end({ timeout: 0 }).catch(() => {});
    throw new DatabaseUnavailableError(
      `cannot reach PostgreSQL at ${describeUrl(url)}: ${reason(error)}`,
    );
  }
  return database;
}

/**
 * Opens embedded PostgreSQL (PGlite). With a folder the data persists there; without one it lives
 * in memory, which tests use.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  let client: PGlite;
  try {
    if (dataDir === undefined) {
      client = await PGlite.create();
    } else {
      await mkdir(dataDir, { recursive: true });
      client = await PGlite.create(join(dataDir, 'pgdata'));
    }
  } catch (error) {
    throw new DatabaseUnavailableError(
      `cannot open the embedded database in ${dataDir ?? 'memory'}: ${reason(error)}`,
    );
  }
  const db = drizzlePglite({ client, schema });
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    migrate: () => migratePglite(db, { migrationsFolder }),
    ping: async (timeoutMs) => {
      await withTimeout(db.execute(sql`select 1`), timeoutMs);
    },
    // One connection, and every statement waits for the transaction before it: no lock to wait for.
    vacuumFull: async (table) => {
      await client.query(`vacuum full ${quoted(table)}`);
    },
    close: () => client.close(),
  };
}

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Rejects if `work` has not settled within `timeoutMs`; the work itself is not cancelled. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** host:port/database of a connection URL, never its credentials. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message.split('\n')[0] ?? '';
    return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}

/** The SQLSTATE of a store error, if it has one (drizzle wraps the driver's error as its cause). */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  const code = typeof own === 'string' ? own : cause;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Whether the store refused the data itself (SQLSTATE class 22, data exception, or 23, integrity
 * constraint): the same command would fail the same way again, so retrying cannot help.
 */
export function isRefusedData(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23'));
}
