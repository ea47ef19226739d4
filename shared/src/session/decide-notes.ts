import { ErrorCode } from '../errors.ts';
import { heldItems, heldLimit } from './anonymous-release.ts';
import { fail, ok, type Result } from '../result.ts';
import {
  addUsage,
  checkBoardHasRoom,
  checkCharacters,
  checkNotesThisRound,
  currentNoteText,
  namedNoteUsage,
  noNoteUsage,
  noteLength,
  type NoteUsage,
} from './board-caps.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { currentStep, requireContributor, roleOf, roundOf, visibilityOf } from './guards.ts';
import { takesNotes } from './steps.ts';
import { isFacilitating } from './roles.ts';
import type { NoteState, SessionState } from './state.ts';

export const noteTextMax = 1000;

/** [N1] A note's text is 1–1,000 characters after trimming. */
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

/** Times about anonymous notes are kept to the minute, so they cannot be matched to activity. */
function coarse(now: number): number {
  return Math.floor(now / 60_000) * 60_000;
}

/** Whether the actor wrote this note: by id for a named note, by the secret's hash for an anonymous one. */
function isAuthor(note: NoteState, actor: Actor, proofHash: string | null): boolean {
  if (note.authorId !== null)
    return actor.kind === 'person' && note.authorId === actor.participantId;
  return proofHash !== null && note.ownerHash !== null && proofHash === note.ownerHash;
}

type NoteCommand = Extract<SessionCommand, { type: 'addNote' | 'editNote' | 'deleteNote' }>;

/** Everything the person has on the board: their named notes, and what the shell counted of the rest. */
function usageOf(state: SessionState, participantId: string, anonymous?: NoteUsage): NoteUsage {
  return addUsage(namedNoteUsage(state, participantId), anonymous ?? noNoteUsage);
}

export function decideNote(
  state: SessionState,
  actor: Actor,
  command: NoteCommand,
  now: number,
): Result<SessionEvent[]> {
  const refused = requireContributor(state, actor);
  if (refused) return refused;
  if (actor.kind !== 'person') return fail(ErrorCode.forbidden, 'Only people write notes.');

  switch (command.type) {
    case 'addNote': {
      const step = currentStep(state);
      // [N2] A note goes into the current step, and only a step that takes notes.
      if (command.stepId !== step.id) {
        return fail(
          ErrorCode.conflict,
          'The group has moved on to another step; your note was not posted.',
        );
      }
      if (!takesNotes(step))
        return fail(ErrorCode.invalidRequest, 'This step does not take notes.');
      const text = checkNoteText(command.text);
      if (!text.ok) return text;
      // [N8] Duplicate note ids are refused.
      if (state.notes[command.noteId]) return fail(ErrorCode.conflict, 'That note already exists.');
      const usage = usageOf(state, actor.participantId, command.anonymousUsage);
      const capped =
        checkBoardHasRoom(state) ??
        checkNotesThisRound(usage) ??
        checkCharacters(usage, noteLength(text.data), 'note');
      if (capped) return capped;
      const visibility = visibilityOf(state, step);
      // [N5] A note is anonymous when its step is, or when its author chooses; it then needs the
      // hash of its author's secret, and no author is recorded.
      const anonymous = visibility === 'anonymous' || command.anonymous;
      if (anonymous && command.ownerHash === null) {
        return fail(ErrorCode.invalidRequest, 'An anonymous note needs its ownership proof.');
      }
      if (anonymous && heldItems(state).length >= heldLimit) {
        return fail(
          ErrorCode.conflict,
          `${heldLimit} anonymous notes are already waiting to be shown in this session; please post yours once some have appeared.`,
        );
      }
      return ok([
        {
          type: 'NoteAdded',
          noteId: command.noteId,
          stepId: step.id,
          round: roundOf(state, step.id),
          text: text.data,
          authorId: anonymous ? null : actor.participantId,
          ownerHash: anonymous ? command.ownerHash : null,
          // [H1] A note posted in a hidden step stays hidden until the facilitator reveals it.
          // [N6] An anonymous note is held and released later with others, so that the moment
          // it appears says nothing about who just pressed Post.
          hidden: visibility === 'hidden' || anonymous,
          held: anonymous,
          at: anonymous ? coarse(now) : now,
        },
      ]);
    }
    case 'editNote': {
      const note = state.notes[command.noteId];
      // [N7] Editing or deleting a note that does not exist is refused as not found.
      if (!note) return fail(ErrorCode.notFound, 'That note no longer exists.');
      // [N3] Only its author edits a note.
      if (!isAuthor(note, actor, command.proofHash)) {
        return fail(ErrorCode.forbidden, 'Only the person who wrote a note can edit it.');
      }
      const text = checkNoteText(command.text);
      if (!text.ok) return text;
      if (text.data === note.text && note.pendingChange === null) return ok([]);
      const growth = noteLength(text.data) - noteLength(currentNoteText(note));
      if (growth > 0) {
        const usage = usageOf(state, actor.participantId, command.anonymousUsage);
        const capped = checkCharacters(usage, growth, 'change');
        if (capped) return capped;
      }
      if (note.authorId === null && !note.held) {
        return ok([{ type: 'AnonymousChangeHeld', noteId: command.noteId, text: text.data }]);
      }
      return ok([
        {
          type: 'NoteEdited',
          noteId: command.noteId,
          text: text.data,
          at: note.authorId === null ? coarse(now) : now,
        },
      ]);
    }
    case 'deleteNote': {
      const note = state.notes[command.noteId];
      if (!note) return fail(ErrorCode.notFound, 'That note no longer exists.');
      const role = roleOf(state, actor);
      // [N4] Its author or a facilitator deletes a note.
      const author = isAuthor(note, actor, command.proofHash);
      if (!author && !(role && isFacilitating(role))) {
        return fail(
          ErrorCode.forbidden,
          'Only the person who wrote a note, or a facilitator, can delete it.',
        );
      }
      // An anonymous author's deletion of a shown note waits for the batch, like an edit.
      if (author && note.authorId === null && !note.held) {
        return ok([{ type: 'AnonymousChangeHeld', noteId: command.noteId, text: null }]);
      }
      return ok([{ type: 'NoteDeleted', noteId: command.noteId, at: now }]);
    }
  }
}
