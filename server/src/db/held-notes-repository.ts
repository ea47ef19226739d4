import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './database.ts';
import { heldChanges, heldNotes } from './schema.ts';
import type { ScrubRequest } from './scrubber.ts';

export interface HeldNoteRecord {
  id: string;
  stepId: string;
  round: number;
  text: string;
  ownerHash: string;
}

export interface HeldChangeRecord {
  noteId: string;
  /** Null: the note is to be deleted. */
  text: string | null;
}

/**
 * Anonymous notes between posting and release, and anonymous authors' changes to shown notes
 * waiting for the next batch; see the tables' comments for why they are apart.
 *
 * Rows are never added or changed one by one: PostgreSQL would record the order of posting in
 * them (each row's `xmin` is the transaction that wrote it, and its heap position, `ctid`,
 * follows the order of writing). `replace` rewrites all of a session's rows at once, in the order
 * given (the caller shuffles it), so that every live row carries the same `xmin` and sits in a
 * random place. Each write leaves deleted rows whose pages would keep the older order, or a
 * released note's text: the table is rewritten after the commit (see `Scrubber`).
 */
export interface HeldNotesRepository {
  /** Makes `notes`, in this order, the session's held notes. */
  replace(sessionId: string, notes: readonly HeldNoteRecord[]): Promise<void>;
  drop(sessionId: string, noteIds: readonly string[]): Promise<void>;
  listBySession(sessionId: string): Promise<HeldNoteRecord[]>;
  /** Makes `changes`, in this order, the session's held changes. */
  replaceChanges(sessionId: string, changes: readonly HeldChangeRecord[]): Promise<void>;
  dropChanges(sessionId: string, noteIds: readonly string[]): Promise<void>;
  listChanges(sessionId: string): Promise<HeldChangeRecord[]>;
}

export function createHeldNotesRepository(db: Db, scrub: ScrubRequest): HeldNotesRepository {
  return {
    async replace(sessionId, notes) {
      // Issued together, so that the driver pipelines them; they run in this order.
      await Promise.all([
        db.delete(heldNotes).where(eq(heldNotes.sessionId, sessionId)),
        notes.length > 0
          ? db.insert(heldNotes).values(notes.map((note) => ({ sessionId, ...note })))
          : undefined,
      ]);
      scrub('held_notes');
    },
    async drop(sessionId, noteIds) {
      if (noteIds.length === 0) return;
      await db
        .delete(heldNotes)
        .where(and(eq(heldNotes.sessionId, sessionId), inArray(heldNotes.id, [...noteIds])));
      scrub('held_notes');
    },
    async listBySession(sessionId) {
      return db
        .select({
          id: heldNotes.id,
          stepId: heldNotes.stepId,
          round: heldNotes.round,
          text: heldNotes.text,
          ownerHash: heldNotes.ownerHash,
        })
        .from(heldNotes)
        .where(eq(heldNotes.sessionId, sessionId));
    },
    async replaceChanges(sessionId, changes) {
      await Promise.all([
        db.delete(heldChanges).where(eq(heldChanges.sessionId, sessionId)),
        changes.length > 0
          ? db.insert(heldChanges).values(changes.map((change) => ({ sessionId, ...change })))
          : undefined,
      ]);
      scrub('held_changes');
    },
    async dropChanges(sessionId, noteIds) {
      if (noteIds.length === 0) return;
      await db
        .delete(heldChanges)
        .where(
          and(eq(heldChanges.sessionId, sessionId), inArray(heldChanges.noteId, [...noteIds])),
        );
      scrub('held_changes');
    },
    async listChanges(sessionId) {
      return db
        .select({ noteId: heldChanges.noteId, text: heldChanges.text })
        .from(heldChanges)
        .where(eq(heldChanges.sessionId, sessionId));
    },
  };
}
