import type { SessionEvent, SessionState } from '@reflectory/shared';
import type { Repositories } from '../db/store.ts';

/**
 * Writes a command's events inside its transaction. What concerns a held anonymous note goes to
 * the held-notes table and nowhere else, so neither the event log's order nor any timestamp
 * records when it was posted or edited; everything else is appended to the event log and
 * mirrored into the relational rows. The writes are started in order without waiting in between,
 * so that the driver pipelines them on the transaction's connection, where they run in that order.
 */
export async function persistEvents(
  tx: Repositories,
  sessionId: string,
  before: SessionState,
  events: readonly SessionEvent[],
): Promise<void> {
  const logged: SessionEvent[] = [];
  const writes: Array<Promise<unknown>> = [];
  for (const event of events) {
    switch (event.type) {
      case 'NoteAdded':
        if (event.held && event.ownerHash !== null) {
          writes.push(
            tx.heldNotes.hold(sessionId, {
              id: event.noteId,
              stepId: event.stepId,
              round: event.round,
              text: event.text,
              ownerHash: event.ownerHash,
            }),
          );
          continue;
        }
        break;
      case 'NoteEdited':
        if (before.notes[event.noteId]?.held) {
          writes.push(tx.heldNotes.setText(sessionId, event.noteId, event.text));
          continue;
        }
        break;
      case 'NoteDeleted':
        if (before.notes[event.noteId]?.held) {
          writes.push(tx.heldNotes.drop(sessionId, [event.noteId]));
          continue;
        }
        break;
      case 'AnonymousChangeHeld':
        writes.push(tx.heldNotes.holdChange(sessionId, event.noteId, event.text));
        continue;
      case 'NotesRevealed':
        writes.push(
          tx.heldNotes.drop(
            sessionId,
            event.released.map((note) => note.noteId),
          ),
          tx.heldNotes.dropChanges(
            sessionId,
            event.changes.map((change) => change.noteId),
          ),
        );
        break;
      case 'NotesReturned':
        writes.push(
          tx.heldNotes.drop(sessionId, event.noteIds),
          tx.heldNotes.dropChanges(sessionId, event.noteIds),
        );
        break;
      default:
        break;
    }
    logged.push(event);
  }
  writes.push(tx.events.append(sessionId, logged), tx.notes.apply(sessionId, logged));
  await Promise.all(writes);
}
