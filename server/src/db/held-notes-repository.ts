import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './database.ts';
import { heldChanges, heldNotes } from './schema.ts';

export interface HeldNoteRecord {
  id: string;
  stepId: string;
  round: number;
  text: string;
  ownerHash: string;
}

/** Anonymous notes between posting and release; see the table's comment for why they are apart. */
export interface HeldNotesRepository {
  hold(sessionId: string, note: HeldNoteRecord): Promise<void>;
  setText(sessionId: string, noteId: string, text: string): Promise<void>;
  drop(sessionId: string, noteIds: readonly string[]): Promise<void>;
  listBySession(sessionId: string): Promise<HeldNoteRecord[]>;
  /** Holds an anonymous author's change to a shown note (text null: delete), replacing an earlier one. */
  holdChange(sessionId: string, noteId: string, text: string | null): Promise<void>;
  dropChanges(sessionId: string, noteIds: readonly string[]): Promise<void>;
  listChanges(sessionId: string): Promise<Array<{ noteId: string; text: string | null }>>;
}

export function createHeldNotesRepository(db: Db): HeldNotesRepository {
  return {
    async hold(sessionId, note) {
      await db.insert(heldNotes).values({ sessionId, ...note });
    },
    async setText(sessionId, noteId, text) {
      await db
        .update(heldNotes)
        .set({ text })
        .where(and(eq(heldNotes.sessionId, sessionId), eq(heldNotes.id, noteId)));
    },
    async drop(sessionId, noteIds) {
      if (noteIds.length === 0) return;
      await db
        .delete(heldNotes)
        .where(and(eq(heldNotes.sessionId, sessionId), inArray(heldNotes.id, [...noteIds])));
    },
    async holdChange(sessionId, noteId, text) {
      await db
        .insert(heldChanges)
        .values({ sessionId, noteId, text })
        .onConflictDoUpdate({ target: heldChanges.noteId, set: { text } });
    },
    async dropChanges(sessionId, noteIds) {
      if (noteIds.length === 0) return;
      await db
        .delete(heldChanges)
        .where(
          and(eq(heldChanges.sessionId, sessionId), inArray(heldChanges.noteId, [...noteIds])),
        );
    },
    async listChanges(sessionId) {
      return db
        .select({ noteId: heldChanges.noteId, text: heldChanges.text })
        .from(heldChanges)
        .where(eq(heldChanges.sessionId, sessionId));
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
  };
}
