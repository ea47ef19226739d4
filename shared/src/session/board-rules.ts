import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import { isFacilitator, type Role } from './participants.ts';

/**
 * The live board's rules, as a pure decider: `decideBoard(state, actor, command, now)` returns the
 * events that follow or an error; `evolveBoard(state, event)` folds an event into the state. No
 * clock, randomness or I/O: time and new ids are arguments.
 */

export const noteTextMax = 1000;

export interface Actor {
  participantId: string;
  role: Role;
}

export interface NoteState {
  authorId: string;
  areaId: string;
}

export interface BoardState {
  status: 'open' | 'closed';
  areaIds: readonly string[];
  notes: Readonly<Record<string, NoteState>>;
}

export type BoardCommand =
  | { type: 'addNote'; noteId: string; areaId: string; text: string }
  | { type: 'editNote'; noteId: string; text: string }
  | { type: 'deleteNote'; noteId: string }
  | { type: 'closeSession' };

export type BoardEvent =
  | {
      type: 'NoteAdded';
      noteId: string;
      areaId: string;
      authorId: string;
      text: string;
      at: number;
    }
  | { type: 'NoteEdited'; noteId: string; text: string; at: number }
  | { type: 'NoteDeleted'; noteId: string; at: number }
  | { type: 'SessionClosed'; at: number };

/** [B1] A note's text is 1–1,000 characters after trimming. */
export function checkNoteText(text: string): Result<string> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return fail(ErrorCode.invalidRequest, 'A note cannot be empty.');
  const length = [...trimmed].length;
  if (length > noteTextMax) {
    return fail(
      ErrorCode.invalidRequest,
      `A note can be at most ${noteTextMax.toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}.`,
    );
  }
  return ok(trimmed);
}

export function decideBoard(
  state: BoardState,
  actor: Actor,
  command: BoardCommand,
  now: number,
): Result<BoardEvent[]> {
  // [B5] A closed session takes no changes.
  if (state.status === 'closed') {
    return fail(ErrorCode.conflict, 'This session has ended; the board can no longer change.');
  }
  switch (command.type) {
    case 'addNote': {
      // [B2] A note goes into one of the board's areas.
      if (!state.areaIds.includes(command.areaId)) {
        return fail(ErrorCode.invalidRequest, 'There is no such area on this board.');
      }
      const text = checkNoteText(command.text);
      if (!text.ok) return text;
      if (state.notes[command.noteId]) return fail(ErrorCode.conflict, 'That note already exists.');
      return ok([
        {
          type: 'NoteAdded',
          noteId: command.noteId,
          areaId: command.areaId,
          authorId: actor.participantId,
          text: text.data,
          at: now,
        },
      ]);
    }
    case 'editNote': {
      const note = state.notes[command.noteId];
      // [B7] Editing or deleting a note that does not exist is refused as not found.
      if (!note) return fail(ErrorCode.notFound, 'That note no longer exists.');
      // [B3] Only its author edits a note.
      if (note.authorId !== actor.participantId) {
        return fail(ErrorCode.forbidden, 'Only the person who wrote a note can edit it.');
      }
      const text = checkNoteText(command.text);
      if (!text.ok) return text;
      return ok([{ type: 'NoteEdited', noteId: command.noteId, text: text.data, at: now }]);
    }
    case 'deleteNote': {
      const note = state.notes[command.noteId];
      if (!note) return fail(ErrorCode.notFound, 'That note no longer exists.');
      // [B4] Its author or a facilitator deletes a note.
      if (note.authorId !== actor.participantId && !isFacilitator(actor.role)) {
        return fail(
          ErrorCode.forbidden,
          'Only the person who wrote a note, or a facilitator, can delete it.',
        );
      }
      return ok([{ type: 'NoteDeleted', noteId: command.noteId, at: now }]);
    }
    case 'closeSession': {
      // [B6] Only a facilitator closes the session.
      if (!isFacilitator(actor.role)) {
        return fail(ErrorCode.forbidden, 'Only a facilitator can end the session.');
      }
      return ok([{ type: 'SessionClosed', at: now }]);
    }
  }
}

export function evolveBoard(state: BoardState, event: BoardEvent): BoardState {
  switch (event.type) {
    case 'NoteAdded':
      return {
        ...state,
        notes: {
          ...state.notes,
          [event.noteId]: { authorId: event.authorId, areaId: event.areaId },
        },
      };
    case 'NoteEdited':
      return state;
    case 'NoteDeleted': {
      const { [event.noteId]: _removed, ...notes } = state.notes;
      return { ...state, notes };
    }
    case 'SessionClosed':
      return { ...state, status: 'closed' };
  }
}
