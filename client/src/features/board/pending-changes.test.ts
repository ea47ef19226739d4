import { readBoard, type BoardNoteView, type BoardView } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import { pendingAddsIn } from './pending-changes.ts';

const you = '00000000-0000-4000-8000-00000000000a';
let serial = 0;

function add(text: string, change: Partial<OutboxEntry> = {}): OutboxEntry {
  serial += 1;
  const commandId = `20000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  return {
    name: 'note:add',
    commandId,
    payload: { commandId, areaId: 'what', text },
    state: 'pending',
    error: undefined,
    result: undefined,
    attempts: 1,
    ...change,
  } as OutboxEntry;
}

function boardWith(notes: Array<Partial<BoardNoteView>>): BoardView {
  const empty = readBoard(new Y.Doc());
  return {
    ...empty,
    notes: notes.map((note, index) => ({
      ...({} as BoardNoteView),
      id: `30000000-0000-4000-8000-00000000000${index}`,
      areaId: 'what',
      authorId: you,
      text: '',
      createdAt: index,
      editedAt: undefined,
      ...note,
    })),
  };
}

describe('pending adds', () => {
  it('a note waiting for its ack is shown, newest first, in its own area only', () => {
    const first = add('one');
    const second = add('two');
    const elsewhere = add('three', {
      payload: { commandId: 'x', areaId: 'so-what', text: 'three' },
    });
    expect(pendingAddsIn([first, second, elsewhere], boardWith([]), 'what', you)).toEqual([
      second,
      first,
    ]);
  });

  it('an acknowledged note is shown until the board has it', () => {
    const saved = add('one', {
      state: 'saved',
      result: { noteId: '30000000-0000-4000-8000-000000000000' },
    });
    expect(pendingAddsIn([saved], boardWith([]), 'what', you)).toEqual([saved]);
    expect(pendingAddsIn([saved], boardWith([{ text: 'one' }]), 'what', you)).toEqual([]);
  });

  it('a note whose ack was lost is not shown twice once the board has it', () => {
    const lost = add('  same text ');
    expect(pendingAddsIn([lost], boardWith([{ text: 'same text' }]), 'what', you)).toEqual([]);
    const twice = add('same text');
    expect(pendingAddsIn([lost, twice], boardWith([{ text: 'same text' }]), 'what', you)).toEqual([
      twice,
    ]);
    expect(
      pendingAddsIn(
        [lost],
        boardWith([{ text: 'same text', authorId: 'someone else' }]),
        'what',
        you,
      ),
    ).toEqual([lost]);
  });

  it('a refused note is always shown, so its text is never lost from view', () => {
    const refused = add('same text', {
      state: 'failed',
      error: { code: 'conflict', message: 'ended' },
    });
    expect(pendingAddsIn([refused], boardWith([{ text: 'same text' }]), 'what', you)).toEqual([
      refused,
    ]);
  });
});
