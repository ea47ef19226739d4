import { checkNoteText, type BoardView } from '@reflectory/shared';
import type { OutboxEntry } from './outbox.ts';

/** Where a change of this person's can show besides the board: their own not-yet-public notes. */
export interface ShownElsewhere {
  /** Your named notes in a hidden step, from your private view. */
  hiddenNotes: ReadonlyArray<{ noteId: string; text: string }>;
  /** Your anonymous notes the server is still holding back. */
  isAwaiting: (noteId: string) => boolean;
}

const nowhere: ShownElsewhere = { hiddenNotes: [], isAwaiting: () => false };

/**
 * A held anonymous change waits for a batch of several people's (AR7); once the session has
 * closed it has been applied or dropped (AR5), so there is nothing more to wait for.
 */
function isSettledByClose(board: BoardView): boolean {
  return board.status === 'closed';
}

/**
 * Whether the page already shows what an acknowledged command did. The ack and the board update
 * travel on different connections, so either may arrive first; until both have, the outbox keeps
 * the command so the note does not blink out and back. A note that is not public yet (hidden
 * until a reveal, or anonymous and waiting for its release) shows among your own private notes.
 */
export function isShownOnBoard(
  entry: OutboxEntry,
  board: BoardView,
  elsewhere: ShownElsewhere = nowhere,
): boolean {
  switch (entry.name) {
    case 'note:add': {
      const noteId = entry.result?.noteId;
      return (
        noteId === undefined ||
        board.notes.some((note) => note.id === noteId) ||
        elsewhere.hiddenNotes.some((note) => note.noteId === noteId) ||
        elsewhere.isAwaiting(noteId)
      );
    }
    case 'note:edit': {
      const text = checkNoteText(entry.payload.text);
      const note =
        board.notes.find((candidate) => candidate.id === entry.payload.noteId) ??
        elsewhere.hiddenNotes.find((candidate) => candidate.noteId === entry.payload.noteId);
      return !note || !text.ok || note.text === text.data || isSettledByClose(board);
    }
    case 'note:delete':
      return (
        isSettledByClose(board) ||
        (!board.notes.some((note) => note.id === entry.payload.noteId) &&
          !elsewhere.hiddenNotes.some((note) => note.noteId === entry.payload.noteId))
      );
    case 'note:group': {
      const note = board.notes.find((candidate) => candidate.id === entry.payload.noteId);
      return !note || note.groupId === entry.payload.groupId;
    }
    case 'group:create': {
      const groupId = entry.result?.groupId;
      return groupId === undefined || board.groups.some((group) => group.id === groupId);
    }
    case 'action:add': {
      const actionId = entry.result?.actionId;
      return actionId === undefined || board.actions.some((action) => action.id === actionId);
    }
    case 'session:close':
      return board.status === 'closed';
    default:
      // A command whose effect this client does not look for: its ack is as far as it can tell.
      return true;
  }
}
