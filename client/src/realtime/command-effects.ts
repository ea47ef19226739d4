import { checkNoteText, type BoardView } from '@reflectory/shared';
import type { OutboxEntry } from './outbox.ts';

/**
 * Whether the board replica already shows what an acknowledged command did. The ack and the board
 * update travel on different connections, so either may arrive first; until both have, the
 * outbox keeps the command so the note does not blink out and back.
 */
export function isShownOnBoard(entry: OutboxEntry, board: BoardView): boolean {
  switch (entry.name) {
    case 'note:add': {
      const noteId = entry.result?.noteId;
      return noteId === undefined || board.notes.some((note) => note.id === noteId);
    }
    case 'note:edit': {
      const note = board.notes.find((candidate) => candidate.id === entry.payload.noteId);
      const text = checkNoteText(entry.payload.text);
      return !note || !text.ok || note.text === text.data;
    }
    case 'note:delete':
      return !board.notes.some((note) => note.id === entry.payload.noteId);
    case 'session:close':
      return board.status === 'closed';
    default:
      // A command whose effect this client does not look for: its ack is as far as it can tell.
      return true;
  }
}
