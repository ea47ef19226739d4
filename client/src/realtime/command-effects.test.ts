import { readBoard, type BoardView } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isShownOnBoard } from './command-effects.ts';
import type { OutboxEntry } from './outbox.ts';

const noteId = '30000000-0000-4000-8000-000000000001';
const empty: BoardView = readBoard(new Y.Doc());

const added = {
  name: 'note:add',
  commandId: 'c1',
  payload: { commandId: 'c1', areaId: 'what', text: 'held back' },
  state: 'saved',
  error: undefined,
  result: { noteId },
  attempts: 1,
} as OutboxEntry;

describe('when the page shows what a command did', () => {
  it('a saved note that is not public yet shows among your own notes, not on the board', () => {
    expect(isShownOnBoard(added, empty)).toBe(false);
    expect(
      isShownOnBoard(added, empty, {
        hiddenNotes: [{ noteId, text: 'held back' }],
        isAwaiting: () => false,
      }),
    ).toBe(true);
    expect(
      isShownOnBoard(added, empty, { hiddenNotes: [], isAwaiting: (id) => id === noteId }),
    ).toBe(true);
  });

  it('an edit of your hidden note shows once your private view has the new text', () => {
    const edit = {
      ...added,
      name: 'note:edit',
      payload: { commandId: 'c2', noteId, text: 'new words' },
      result: { noteId },
    } as OutboxEntry;
    const old = { hiddenNotes: [{ noteId, text: 'held back' }], isAwaiting: () => false };
    const fresh = { hiddenNotes: [{ noteId, text: 'new words' }], isAwaiting: () => false };
    expect(isShownOnBoard(edit, empty, old)).toBe(false);
    expect(isShownOnBoard(edit, empty, fresh)).toBe(true);
  });

  it('a new theme shows once the board has it', () => {
    const created = {
      ...added,
      name: 'group:create',
      payload: { commandId: 'c3', stepId: 'so-what', title: 'Staffing' },
      result: { groupId: 'g1' },
    } as OutboxEntry;
    expect(isShownOnBoard(created, empty)).toBe(false);
    const withGroup = { ...empty, groups: [{ id: 'g1', stepId: 'so-what', title: 'Staffing' }] };
    expect(isShownOnBoard(created, withGroup)).toBe(true);
  });
});
