import { describe, expect, it } from 'vitest';
import {
  decideBoard,
  evolveBoard,
  noteTextMax,
  type Actor,
  type BoardCommand,
  type BoardState,
} from './board-rules.ts';

const alice: Actor = { participantId: '00000000-0000-4000-8000-00000000000a', role: 'participant' };
const bob: Actor = { participantId: '00000000-0000-4000-8000-00000000000b', role: 'participant' };
const fay: Actor = { participantId: '00000000-0000-4000-8000-00000000000f', role: 'facilitator' };
const aliceNote = '10000000-0000-4000-8000-000000000001';
const now = 1_700_000_000_000;

const open: BoardState = {
  status: 'open',
  areaIds: ['what', 'so-what', 'now-what'],
  notes: { [aliceNote]: { authorId: alice.participantId, areaId: 'what' } },
};
const closed: BoardState = { ...open, status: 'closed' };

function outcome(state: BoardState, actor: Actor, command: BoardCommand) {
  const result = decideBoard(state, actor, command, now);
  return result.ok ? 'ok' : result.error.code;
}

const add = (text: string, areaId = 'what'): BoardCommand => ({
  type: 'addNote',
  noteId: '10000000-0000-4000-8000-000000000099',
  areaId,
  text,
});

describe('board rules', () => {
  it.each([
    ['one character', 'x', 'ok'],
    ['1,000 characters', 'x'.repeat(noteTextMax), 'ok'],
    ['1,000 emoji (counted as characters, not code units)', '🙂'.repeat(noteTextMax), 'ok'],
    ['padding around 1,000 characters', `  ${'x'.repeat(noteTextMax)}\n`, 'ok'],
    ['empty', '', 'invalid_request'],
    ['only white space', ' \n\t ', 'invalid_request'],
    ['1,001 characters', 'x'.repeat(noteTextMax + 1), 'invalid_request'],
  ])(
    "[B1] a note's text is 1–1,000 characters after trimming: %s → %s",
    (_label, text, expected) => {
      expect(outcome(open, alice, add(text))).toBe(expected);
      expect(outcome(open, alice, { type: 'editNote', noteId: aliceNote, text })).toBe(expected);
    },
  );

  it('[B1] the stored text is trimmed, and a refusal says how long the note was', () => {
    const result = decideBoard(open, alice, add('  hello  '), now);
    expect(result.ok && result.data[0]).toMatchObject({
      type: 'NoteAdded',
      text: 'hello',
      authorId: alice.participantId,
    });
    const tooLong = decideBoard(open, alice, add('x'.repeat(1234)), now);
    expect(!tooLong.ok && tooLong.error.message).toMatch(/1,000.*1,234/);
  });

  it.each([
    ['what', 'ok'],
    ['now-what', 'ok'],
    ['elsewhere', 'invalid_request'],
  ])("[B2] a note goes into one of the board's areas: %s → %s", (areaId, expected) => {
    expect(outcome(open, alice, add('text', areaId))).toBe(expected);
  });

  it.each([
    ['its author', alice, 'ok'],
    ['another participant', bob, 'forbidden'],
    ['a facilitator', fay, 'forbidden'],
  ])('[B3] only its author edits a note: %s → %s', (_label, actor, expected) => {
    expect(outcome(open, actor, { type: 'editNote', noteId: aliceNote, text: 'changed' })).toBe(
      expected,
    );
  });

  it.each([
    ['its author', alice, 'ok'],
    ['another participant', bob, 'forbidden'],
    ['a facilitator', fay, 'ok'],
  ])('[B4] its author or a facilitator deletes a note: %s → %s', (_label, actor, expected) => {
    expect(outcome(open, actor, { type: 'deleteNote', noteId: aliceNote })).toBe(expected);
  });

  it.each<[string, BoardCommand]>([
    ['add', add('late')],
    ['edit', { type: 'editNote', noteId: aliceNote, text: 'late' }],
    ['delete', { type: 'deleteNote', noteId: aliceNote }],
    ['close again', { type: 'closeSession' }],
  ])('[B5] a closed session takes no changes: %s', (_label, command) => {
    expect(outcome(closed, fay, command)).toBe('conflict');
    expect(outcome(closed, alice, command)).toBe('conflict');
  });

  it.each([
    ['a facilitator', fay, 'ok'],
    ['a participant', alice, 'forbidden'],
  ])('[B6] only a facilitator closes the session: %s → %s', (_label, actor, expected) => {
    expect(outcome(open, actor, { type: 'closeSession' })).toBe(expected);
  });

  it('[B7] editing or deleting a note that does not exist is refused as not found', () => {
    const missing = '10000000-0000-4000-8000-00000000dead';
    expect(outcome(open, alice, { type: 'editNote', noteId: missing, text: 'x' })).toBe(
      'not_found',
    );
    expect(outcome(open, fay, { type: 'deleteNote', noteId: missing })).toBe('not_found');
  });

  it('[B8] adding a note under an id already on the board is refused', () => {
    expect(outcome(open, alice, { ...add('again'), noteId: aliceNote } as BoardCommand)).toBe(
      'conflict',
    );
  });

  it('evolve: added, deleted and closed change the state; the decider then sees them', () => {
    const added = decideBoard(open, bob, add('from bob'), now);
    if (!added.ok) throw new Error('expected ok');
    let state = added.data.reduce(evolveBoard, open);
    expect(Object.keys(state.notes)).toHaveLength(2);
    const removed = decideBoard(state, fay, { type: 'deleteNote', noteId: aliceNote }, now);
    if (!removed.ok) throw new Error('expected ok');
    state = removed.data.reduce(evolveBoard, state);
    expect(state.notes[aliceNote]).toBeUndefined();
    state = evolveBoard(state, { type: 'SessionClosed', at: now });
    expect(outcome(state, bob, add('after close'))).toBe('conflict');
  });
});
