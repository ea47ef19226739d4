import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SessionEvent } from '@reflectory/shared';
import type { Db } from './database.ts';
import { notes, participants, sessions } from './schema.ts';

export interface NoteRecord {
  id: string;
  areaId: string;
  authorId: string | null;
  text: string;
}

export interface NotesRepository {
  listBySession(sessionId: string): Promise<NoteRecord[]>;
  /** Writes what a session's events change in the relational rows (notes, roles, closing). */
  apply(sessionId: string, events: readonly SessionEvent[]): Promise<void>;
}

export function createNotesRepository(db: Db): NotesRepository {
  return {
    async listBySession(sessionId) {
      return db
        .select({ id: notes.id, areaId: notes.areaId, authorId: notes.authorId, text: notes.text })
        .from(notes)
        .where(eq(notes.sessionId, sessionId));
    },

    async apply(sessionId, events) {
      // Issued in event order without waiting in between: on one connection they run in that
      // order, and the driver sends them together.
      const writes: Array<Promise<unknown>> = [];
      for (const event of events) writes.push(...statementsFor(db, sessionId, event));
      await Promise.all(writes);
    },
  };
}

/** The writes one event makes in the relational rows, started in order. */
function statementsFor(db: Db, sessionId: string, event: SessionEvent): Array<Promise<unknown>> {
  switch (event.type) {
    case 'NoteAdded':
      return [
        db
          .insert(notes)
          .values({
            id: event.noteId,
            sessionId,
            areaId: event.stepId,
            // Null for an anonymous note: no row links it to its author.
            authorId: event.authorId,
            text: event.text,
            createdAt: new Date(event.at),
          })
          .execute(),
      ];
    case 'NoteEdited':
      return [
        db
          .update(notes)
          .set({ text: event.text, editedAt: new Date(event.at) })
          .where(and(eq(notes.id, event.noteId), eq(notes.sessionId, sessionId)))
          .execute(),
      ];
    case 'NoteDeleted':
      return [
        db
          .delete(notes)
          .where(and(eq(notes.id, event.noteId), eq(notes.sessionId, sessionId)))
          .execute(),
      ];
    case 'SessionClosed':
      return [
        db
          .update(sessions)
          .set({ closedAt: new Date(event.at) })
          .where(eq(sessions.id, sessionId))
          .execute(),
      ];
    case 'NotesRevealed':
      return revealStatements(db, sessionId, event);
    case 'RoleSet':
      return [
        db
          .update(participants)
          .set({ role: event.role })
          .where(
            and(eq(participants.id, event.participantId), eq(participants.sessionId, sessionId)),
          )
          .execute(),
      ];
    case 'ParticipantRemoved':
      // The browser may not act as them, nor join again; the row stays for their named notes.
      return [
        db
          .update(participants)
          .set({ removedAt: new Date(event.at) })
          .where(
            and(eq(participants.id, event.participantId), eq(participants.sessionId, sessionId)),
          )
          .execute(),
      ];
    default:
      // Other events live in the event log and the board document only.
      return [];
  }
}

/** A reveal's rows in at most three statements, however many notes it releases or changes. */
function revealStatements(
  db: Db,
  sessionId: string,
  event: Extract<SessionEvent, { type: 'NotesRevealed' }>,
): Array<Promise<unknown>> {
  const writes: Array<Promise<unknown>> = [];
  const at = new Date(event.at);
  // Anonymous notes get their row only when released: no row exists while they are held.
  if (event.released.length > 0) {
    writes.push(
      db
        .insert(notes)
        .values(
          event.released.map((note) => ({
            id: note.noteId,
            sessionId,
            areaId: note.stepId,
            authorId: null,
            text: note.text,
            createdAt: at,
          })),
        )
        .execute(),
    );
  }
  const deleted = event.changes.flatMap((change) => (change.text === null ? [change.noteId] : []));
  if (deleted.length > 0) {
    writes.push(
      db
        .delete(notes)
        .where(and(eq(notes.sessionId, sessionId), inArray(notes.id, deleted)))
        .execute(),
    );
  }
  const edited = event.changes.flatMap((change) =>
    change.text === null ? [] : [sql`(${change.noteId}::uuid, ${change.text}::text)`],
  );
  if (edited.length > 0) {
    writes.push(
      db.execute(sql`
        update ${notes} set text = edited.text, edited_at = ${at.toISOString()}::timestamptz
        from (values ${sql.join(edited, sql`, `)}) as edited(id, text)
        where ${notes.id} = edited.id and ${notes.sessionId} = ${sessionId}`),
    );
  }
  return writes;
}
