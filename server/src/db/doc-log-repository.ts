import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { docSnapshots, docUpdates } from './schema.ts';

export interface StoredDoc {
  /** The compacted state, if the document was ever compacted. */
  snapshot: Uint8Array | undefined;
  /** Updates after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Id of the newest update included (in the snapshot or the tail); 0 for an empty document. */
  lastId: number;
}

export interface DocLogRepository {
  /** Appends one update; call inside the transaction that writes the rows it belongs to. */
  append(docName: string, data: Uint8Array): Promise<number>;
  load(docName: string): Promise<StoredDoc>;
  /**
   * Replaces the snapshot with `state`, which must include every update up to `uptoId`, and
   * drops those updates. Holds a transaction-scoped advisory lock on the document, so two
   * compactions of one document never interleave, even across processes.
   */
  compact(docName: string, state: Uint8Array, uptoId: number): Promise<void>;
  /** Number of updates in the tail (after the snapshot). */
  tailLength(docName: string): Promise<number>;
}

export function createDocLogRepository(db: Db): DocLogRepository {
  return {
    async append(docName, data) {
      const rows = await db
        .insert(docUpdates)
        .values({ docName, data })
        .returning({ id: docUpdates.id });
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('insert into doc_updates returned no id');
      return id;
    },

    async load(docName) {
      const snapshots = await db
        .select({ data: docSnapshots.data, uptoId: docSnapshots.uptoId })
        .from(docSnapshots)
        .where(eq(docSnapshots.docName, docName))
        .limit(1);
      const snapshot = snapshots[0];
      const tail = await db
        .select({ id: docUpdates.id, data: docUpdates.data })
        .from(docUpdates)
        .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, snapshot?.uptoId ?? 0)))
        .orderBy(asc(docUpdates.id));
      return {
        snapshot: snapshot?.data,
        updates: tail.map((row) => row.data),
        lastId: tail.at(-1)?.id ?? snapshot?.uptoId ?? 0,
      };
    },

    async compact(docName, state, uptoId) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${docName}))`);
        await tx
          .insert(docSnapshots)
          .values({ docName, data: state, uptoId })
          .onConflictDoUpdate({
            target: docSnapshots.docName,
            set: { data: state, uptoId, updatedAt: sql`now()` },
            where: sql`${docSnapshots.uptoId} < ${uptoId}`,
          });
        await tx
          .delete(docUpdates)
          .where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, uptoId)));
      });
    },

    async tailLength(docName) {
      const snapshots = await db
        .select({ uptoId: docSnapshots.uptoId })
        .from(docSnapshots)
        .where(eq(docSnapshots.docName, docName));
      const rows = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(docUpdates)
        .where(and(eq(docUpdates.docName, docName), gt(docUpdates.id, snapshots[0]?.uptoId ?? 0)));
      return rows[0]?.count ?? 0;
    },
  };
}
