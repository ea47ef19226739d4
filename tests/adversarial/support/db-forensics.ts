import type { Database } from '@reflectory/server';
import { sql, type SQL } from 'drizzle-orm';

export type Row = Record<string, unknown>;

/** Rows of a raw query, whichever driver answers (PGlite wraps them, postgres-js does not). */
export async function query(database: Database, statement: SQL): Promise<Row[]> {
  const result = (await database.db.execute(statement)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows: Row[] }).rows;
}

export interface TableDump {
  name: string;
  columns: Array<{ name: string; type: string }>;
  /** Every row, in the order the table returns them, with the inserting transaction as `__xmin`. */
  rows: Row[];
}

/**
 * Every table a database reader (an admin, a backup) can see, in full, with PostgreSQL's system
 * column `xmin`: the id of the transaction that wrote each row, which orders rows across tables.
 */
export async function dumpEveryTable(database: Database): Promise<TableDump[]> {
  const tables = await query(
    database,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE'
          and table_schema not in ('pg_catalog', 'information_schema')
        order by table_schema, table_name`,
  );
  const dumps: TableDump[] = [];
  for (const table of tables) {
    const schema = String(table.schema);
    const name = String(table.name);
    const columns = await query(
      database,
      sql`select column_name as name, data_type as type from information_schema.columns
          where table_schema = ${schema} and table_name = ${name} order by ordinal_position`,
    );
    const qualified = `"${schema.replaceAll('"', '""')}"."${name.replaceAll('"', '""')}"`;
    const rows = await query(
      database,
      sql.raw(`select *, xmin::text::bigint as "__xmin" from ${qualified}`),
    );
    dumps.push({
      name: schema === 'public' ? name : `${schema}.${name}`,
      columns: columns.map((column) => ({ name: String(column.name), type: String(column.type) })),
      rows,
    });
  }
  return dumps;
}

/** A row as text, with binary columns shown as hex so that ids inside them are not missed. */
export function rowText(row: Row): string {
  const shown = Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value,
    ]),
  );
  return JSON.stringify(shown);
}

export function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error(`not binary: ${typeof value}`);
}

/** A uuid as the 16 bytes PostgreSQL stores it in. */
export function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

/**
 * The bytes of a table's files as a superuser can read them (`pg_read_binary_file`): its heap,
 * its indexes, its TOAST table and that one's index, each after a CHECKPOINT has written every
 * changed page out. Dead rows a VACUUM has pruned can still sit in a page's free space.
 */
export async function relationFiles(
  database: Database,
  table: string,
): Promise<Array<{ relation: string; bytes: Buffer }>> {
  await database.db.execute(sql`checkpoint`);
  const rows = await query(
    database,
    sql`with t as (select ${table}::regclass as oid),
         toast as (select reltoastrelid as oid from pg_class where oid = (select oid from t))
        select c.relname as relation, pg_read_binary_file(pg_relation_filepath(c.oid)) as bytes
        from pg_class c
        where c.oid = (select oid from t)
           or c.oid = (select oid from toast)
           or c.oid in (select indexrelid from pg_index
                        where indrelid in ((select oid from t), (select oid from toast)))`,
  );
  return rows
    .filter((row) => row.bytes !== null)
    .map((row) => ({ relation: String(row.relation), bytes: Buffer.from(bytesOf(row.bytes)) }));
}
