import { ErrorCode } from '../errors.ts';
import { fail, type Failure } from '../result.ts';
import { currentStep, roundOf } from './guards.ts';
import type { NoteState, SessionState } from './state.ts';

/**
 * How much one person may add to a board, and how much a board holds: numbers no real group
 * reaches, so that they only ever stop a script, and so that the board document stays bounded
 * (5,000 notes of at most 1,000 characters).
 */
export const boardCaps = {
  notesPerPersonPerRound: 50,
  charactersPerPerson: 50_000,
  notesPerBoard: 5_000,
  themesPerBoard: 500,
  actionsPerBoard: 200,
} as const;

/** What one person has on the board, as the caps [Q1] and [Q2] count it. */
export interface NoteUsage {
  /** Their notes in the current round of the current step. */
  notesThisRound: number;
  /** Characters of all their notes in the session. */
  characters: number;
}

export const noNoteUsage: NoteUsage = { notesThisRound: 0, characters: 0 };

export function addUsage(a: NoteUsage, b: NoteUsage): NoteUsage {
  return {
    notesThisRound: a.notesThisRound + b.notesThisRound,
    characters: a.characters + b.characters,
  };
}

/** A note's length as [N1] counts it: characters (code points) of the trimmed text. */
export function noteLength(text: string): number {
  return [...text.trim()].length;
}

/** The text a note will show: a held change of its anonymous author's, or its own. */
export function currentNoteText(note: NoteState): string {
  return note.pendingChange?.text ?? note.text;
}

/**
 * The part of a person's usage that the state can tell: their named notes. Anonymous notes have
 * no author in the state, so the shell counts those itself (in memory only) and adds them.
 */
export function namedNoteUsage(state: SessionState, participantId: string): NoteUsage {
  const step = currentStep(state);
  const round = roundOf(state, step.id);
  let notesThisRound = 0;
  let characters = 0;
  for (const note of Object.values(state.notes)) {
    if (note.authorId !== participantId) continue;
    if (note.stepId === step.id && note.round === round) notesThisRound += 1;
    characters += noteLength(currentNoteText(note));
  }
  return { notesThisRound, characters };
}

const count = (n: number) => n.toLocaleString('en-GB');

/** [Q1] A person adds at most 50 notes to one round of a step. */
export function checkNotesThisRound(usage: NoteUsage): Failure | undefined {
  if (usage.notesThisRound < boardCaps.notesPerPersonPerRound) return undefined;
  return fail(
    ErrorCode.conflict,
    `You have added ${count(boardCaps.notesPerPersonPerRound)} notes to this step, the most one person can add in one round of a step. Your note was not posted.`,
  );
}

/** [Q2] A person's notes in a session hold at most 50,000 characters, edits included. */
export function checkCharacters(
  usage: NoteUsage,
  adding: number,
  what: 'note' | 'change',
): Failure | undefined {
  if (usage.characters + adding <= boardCaps.charactersPerPerson) return undefined;
  const outcome = what === 'note' ? 'Your note was not posted.' : 'Your change was not saved.';
  return fail(
    ErrorCode.conflict,
    `Your notes in this session would pass ${count(boardCaps.charactersPerPerson)} characters, the most one person can write in one session (yours hold ${count(usage.characters)}). ${outcome}`,
  );
}

/** [Q3] A board holds at most 5,000 notes, hidden and held ones included. */
export function checkBoardHasRoom(state: SessionState): Failure | undefined {
  if (Object.keys(state.notes).length < boardCaps.notesPerBoard) return undefined;
  return fail(
    ErrorCode.conflict,
    `The board holds ${count(boardCaps.notesPerBoard)} notes, the most it can take. Your note was not posted.`,
  );
}

/** [Q4] A board has at most 500 themes. */
export function checkThemeRoom(state: SessionState): Failure | undefined {
  if (Object.keys(state.groups).length < boardCaps.themesPerBoard) return undefined;
  return fail(
    ErrorCode.conflict,
    `The board has ${count(boardCaps.themesPerBoard)} themes, the most it can take.`,
  );
}

/** [Q5] A session has at most 200 actions. */
export function checkActionRoom(state: SessionState): Failure | undefined {
  if (Object.keys(state.actions).length < boardCaps.actionsPerBoard) return undefined;
  return fail(
    ErrorCode.conflict,
    `The session has ${count(boardCaps.actionsPerBoard)} actions, the most it can take.`,
  );
}
