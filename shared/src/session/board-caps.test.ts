import { describe, expect, it } from 'vitest';
import { boardCaps, namedNoteUsage, noteLength, type NoteUsage } from './board-caps.ts';
import type { SessionCommand } from './commands.ts';
import { decide } from './decide.ts';
import type { NoteState, SessionState } from './state.ts';
import {
  addNote,
  ann,
  at,
  ben,
  fay,
  ids,
  newId,
  run,
  started,
  t0,
} from './test-support/fixtures.ts';

const hash = 'e'.repeat(64);

const whatNamed = run(at(started(), 'what'), fay, {
  type: 'setVisibility',
  stepId: 'what',
  visibility: 'named',
});

function note(fields: Partial<NoteState> = {}): NoteState {
  return {
    stepId: 'what',
    round: 1,
    text: 'a note',
    authorId: ids.ann,
    ownerHash: null,
    hidden: false,
    held: false,
    groupId: null,
    pendingChange: null,
    createdAt: t0,
    editedAt: null,
    shownAt: t0,
    ...fields,
  };
}

/** The state with `count` more notes, made directly: thousands through `decide` would be slow. */
function withNotes(state: SessionState, count: number, fields: Partial<NoteState> = {}) {
  const notes = { ...state.notes };
  for (let i = 0; i < count; i += 1) notes[newId()] = note(fields);
  return { ...state, notes };
}

function post(
  state: SessionState,
  text = 'one more',
  extra: Partial<Extract<SessionCommand, { type: 'addNote' }>> = {},
  actor = ann,
) {
  return decide(
    state,
    actor,
    {
      type: 'addNote',
      noteId: newId(),
      stepId: 'what',
      text,
      anonymous: false,
      ownerHash: null,
      ...extra,
    },
    t0,
  );
}

const answer = (result: ReturnType<typeof decide>) =>
  result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`;

describe('what one person may add to a board', () => {
  const fifty = boardCaps.notesPerPersonPerRound;

  it.each([
    ['49 notes of theirs in this round', withNotes(whatNamed, 49), 'ok'],
    ['50 notes of theirs in this round', withNotes(whatNamed, 50), 'conflict'],
    ['50 notes of theirs in the previous round', withNotes(whatNamed, 50, { round: 0 }), 'ok'],
    ['50 notes of theirs in another step', withNotes(whatNamed, 50, { stepId: 'so-what' }), 'ok'],
    ['50 notes of someone else', withNotes(whatNamed, 50, { authorId: ids.ben }), 'ok'],
    [
      '50 anonymous notes, whose author the state does not know',
      withNotes(whatNamed, 50, { authorId: null, ownerHash: hash }),
      'ok',
    ],
  ])(
    '[Q1] a person adds at most 50 notes to one round of a step: %s → %s',
    (_label, state, expected) => {
      expect(answer(post(state)).split(':')[0]).toBe(expected);
    },
  );

  it('[Q1] anonymous notes the shell counted add to the named ones', () => {
    const state = withNotes(whatNamed, 30);
    const counted = (notesThisRound: number): NoteUsage => ({ notesThisRound, characters: 0 });
    expect(answer(post(state, 'x', { anonymousUsage: counted(19) }))).toBe('ok');
    expect(answer(post(state, 'x', { anonymousUsage: counted(20) }))).toMatch(/^conflict/);
  });

  it('[Q1] the refusal tells the person why, in words', () => {
    expect(answer(post(withNotes(whatNamed, fifty)))).toBe(
      'conflict: You have added 50 notes to this step, the most one person can add in one round of a step. Your note was not posted.',
    );
  });

  it('[Q1] a rerun of the step starts a new count', () => {
    const state = run(withNotes(whatNamed, fifty), fay, { type: 'rerunStep' });
    expect(answer(post(state))).toBe('ok');
  });

  it.each([
    ['49,000 characters and a note of 1,000', 'ok', 49_000, 'x'.repeat(1000)],
    ['49,001 characters and a note of 1,000', 'conflict', 49_001, 'x'.repeat(1000)],
    ['50,000 characters and a note of one', 'conflict', 50_000, 'x'],
  ])(
    '[Q2] a person’s notes in a session hold at most 50,000 characters: %s → %s',
    (_label, expected, characters, text) => {
      const anonymousUsage = { notesThisRound: 0, characters };
      expect(answer(post(whatNamed, text, { anonymousUsage })).split(':')[0]).toBe(expected);
    },
  );

  it('[Q2] named notes in every step count, and a deleted note frees its characters', () => {
    const long = 'x'.repeat(1000);
    const full = withNotes(whatNamed, 50, { stepId: 'so-what', text: long });
    expect(namedNoteUsage(full, ids.ann)).toEqual({ notesThisRound: 0, characters: 50_000 });
    expect(answer(post(full, 'x'))).toBe(
      'conflict: Your notes in this session would pass 50,000 characters, the most one person can write in one session (yours hold 50,000). Your note was not posted.',
    );
    const [first] = Object.keys(full.notes);
    const freed = run(full, ann, { type: 'deleteNote', noteId: first ?? '', proofHash: null });
    expect(answer(post(freed, 'x'))).toBe('ok');
  });

  it('[Q2] an edit that lengthens a note counts its growth; one that shortens it is always saved', () => {
    const { state, noteId } = addNote(whatNamed, ann, 'what', 'short');
    const edit = (text: string, characters: number) =>
      answer(
        decide(
          state,
          ann,
          {
            type: 'editNote',
            noteId,
            text,
            proofHash: null,
            anonymousUsage: { notesThisRound: 0, characters },
          },
          t0,
        ),
      );
    const long = 'x'.repeat(1000);
    expect(edit(long, 49_000)).toBe('ok');
    expect(edit(long, 49_001)).toMatch(/^conflict: .*Your change was not saved\.$/);
    expect(edit('tiny', 60_000)).toBe('ok');
  });

  it('[Q2] characters are counted as [N1] counts them: trimmed, one per emoji', () => {
    expect(noteLength('  🙂🙂 ')).toBe(2);
  });
});

describe('how much a board holds', () => {
  it('[Q3] a board holds at most 5,000 notes, hidden and held ones included, whoever posts', () => {
    const spread = (authorId: string | null, count: number, fields: Partial<NoteState> = {}) =>
      withNotes(whatNamed, count, { authorId, stepId: 'so-what', ...fields });
    let state = spread(ids.ben, 2_000);
    state = {
      ...state,
      notes: {
        ...state.notes,
        ...spread(null, 2_000, { held: true, hidden: true, ownerHash: hash }).notes,
      },
    };
    expect(answer(post(state))).toBe('ok');
    state = { ...state, notes: { ...state.notes, ...spread(ids.fay, 1_000).notes } };
    expect(Object.keys(state.notes)).toHaveLength(boardCaps.notesPerBoard);
    expect(answer(post(state))).toBe(
      'conflict: The board holds 5,000 notes, the most it can take. Your note was not posted.',
    );
    expect(answer(post(state, 'x', {}, fay))).toMatch(/^conflict/);
    expect(answer(post(state, 'x', {}, ben))).toMatch(/^conflict/);
  });

  it('[Q4] a board has at most 500 themes', () => {
    const state = at(started(), 'so-what');
    const groups = Object.fromEntries(
      Array.from({ length: boardCaps.themesPerBoard }, () => [
        newId(),
        { stepId: 'so-what', title: 'T' },
      ]),
    );
    const create = (with_: SessionState) =>
      answer(
        decide(
          with_,
          fay,
          { type: 'createGroup', groupId: newId(), stepId: 'so-what', title: 'One more' },
          t0,
        ),
      );
    const [first, ...rest] = Object.entries(groups);
    expect(first).toBeDefined();
    expect(create({ ...state, groups: Object.fromEntries(rest) })).toBe('ok');
    expect(create({ ...state, groups })).toBe(
      'conflict: The board has 500 themes, the most it can take.',
    );
  });

  it('[Q5] a session has at most 200 actions', () => {
    const state = at(started(), 'now-what');
    const action = {
      text: 'Do it',
      owner: { kind: 'team' as const, participantId: null },
      due: null,
      createdAt: t0,
    };
    const actions = Object.fromEntries(
      Array.from({ length: boardCaps.actionsPerBoard }, () => [newId(), action]),
    );
    const add = (with_: SessionState) =>
      answer(
        decide(
          with_,
          fay,
          {
            type: 'addAction',
            actionId: newId(),
            text: 'One more',
            owner: action.owner,
            due: null,
          },
          t0,
        ),
      );
    expect(add({ ...state, actions: Object.fromEntries(Object.entries(actions).slice(1)) })).toBe(
      'ok',
    );
    expect(add({ ...state, actions })).toBe(
      'conflict: The session has 200 actions, the most it can take.',
    );
  });
});
