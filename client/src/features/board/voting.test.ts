import {
  readBoard,
  type BoardNoteView,
  type BoardView,
  type PrivateView,
} from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import { noteVotes, talliesOf, votesLeft } from './voting.ts';

const note: BoardNoteView = {
  id: 'n1',
  stepId: 'what',
  areaId: 'what',
  round: 1,
  text: 'x',
  anonymous: false,
  authorId: 'a',
  authorName: 'Ann',
  groupId: null,
  createdAt: 1,
  order: 1,
  editedAt: undefined,
};

function board(voting: 'open' | 'closed', tallies?: Record<string, number>): BoardView {
  const view = readBoard(new Y.Doc());
  return {
    ...view,
    stepState: {
      what: {
        visibility: 'named',
        round: 1,
        voting: { status: voting, round: 1, budget: 3, maxPerNote: 1 },
      },
    },
    tallies: tallies ? { what: { round: 1, counts: tallies } } : {},
  };
}

const mine = (remaining: number, byNote: Record<string, number>): PrivateView => ({
  participantId: 'p',
  role: 'participant',
  acceptedAgreement: true,
  hiddenNotes: [],
  votes: { stepId: 'what', budget: 3, maxPerNote: 1, remaining, byNote },
});

const pendingCast = {
  name: 'vote:cast',
  commandId: 'c1',
  payload: { commandId: 'c1', noteId: 'n1' },
  state: 'pending',
  error: undefined,
  result: undefined,
  attempts: 1,
} as OutboxEntry;

describe('votes as this person sees them', () => {
  it('votes on their way count at once, so the buttons follow the click', () => {
    expect(votesLeft(mine(3, {}), [], 'what')).toBe(3);
    expect(votesLeft(mine(3, {}), [pendingCast], 'what')).toBe(2);
    expect(noteVotes(note, board('open'), mine(3, {}), [pendingCast])).toEqual({
      mine: 1,
      canAdd: false,
      maxPerNote: 1,
    });
  });

  it('no vote buttons while voting is closed or on another step', () => {
    expect(noteVotes(note, board('closed'), mine(3, {}), [])).toBeUndefined();
    expect(votesLeft(undefined, [], 'what')).toBeUndefined();
    expect(
      noteVotes({ ...note, stepId: 'so-what' }, board('open'), mine(3, {}), []),
    ).toBeUndefined();
  });

  it('with no votes left, no note takes another', () => {
    expect(noteVotes(note, board('open'), mine(0, { n2: 3 }), [])?.canAdd).toBe(false);
  });

  it('tallies show only once voting has closed', () => {
    expect(talliesOf(board('open', { n1: 2 }), 'what')).toBeUndefined();
    expect(talliesOf(board('closed', { n1: 2 }), 'what')?.counts).toEqual({ n1: 2 });
  });
});
