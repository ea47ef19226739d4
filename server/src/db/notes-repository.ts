import { and, eq } from 'drizzle-orm';
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
      for (const event of events) {
        switch (event.type) {
          case 'NoteAdded':
            await db.insert(notes).values({
              id: event.noteId,
              sessionId,
              areaId: event.stepId,
              // Null for an anonymous note: no row links it to its author.
              authorId: event.authorId,
              text: event.text,
              createdAt: new Date(event.at),
            });
            break;
          case 'NoteEdited':
            await db
              .update(notes)
              .set({ text: event.text, editedAt: new Date(event.at) })
              .where(and(eq(notes.id, event.noteId), eq(notes.sessionId, sessionId)));
            break;
          case 'NoteDeleted':
            await db
              .delete(notes)
              .where(and(eq(notes.id, event.noteId), eq(notes.sessionId, sessionId)));
            break;
          case 'SessionClosed':
            await db
              .update(sessions)
              .set({ closedAt: new Date(event.at) })
              .where(eq(sessions.id, sessionId));
            break;
          case 'NotesRevealed':
            // Anonymous notes get their row only when released: no row exists while they are held.
            if (event.released.length > 0) {
              await db.insert(notes).values(
                event.released.map((note) => ({
                  id: note.noteId,
                  sessionId,
                  areaId: note.stepId,
                  authorId: null,
                  text: note.text,
                  createdAt: new Date(event.at),
                })),
              );
            }
            for (const change of event.changes) {
              const where = and(eq(notes.id, change.noteId), eq(notes.sessionId, sessionId));
              if (change.text === null) await db.delete(notes).where(where);
              else
                await db
                  .update(notes)
                  .set({ text: change.text, editedAt: new Date(event.at) })
                  .where(where);
            }
            break;
          case 'RoleSet':
            await db
              .update(participants)
              .set({ role: event.role })
              .where(
                and(
                  eq(participants.id, event.participantId),
                  eq(participants.sessionId, sessionId),
                ),
              );
            break;
          case 'ParticipantRemoved':
            // The browser may not act as them, nor join again; the row stays for their named notes.
            await db
              .update(participants)
              .set({ removedAt: new Date(event.at) })
              .where(
                and(
                  eq(participants.id, event.participantId),
                  eq(participants.sessionId, sessionId),
                ),
              );
            break;
          default:
            // Other events live in the event log and the board document only.
            break;
        }
      }
    },
  };
}
