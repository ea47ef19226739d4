import { readBoard, type BoardView } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardAnnouncement } from './board-announcements.ts';

const step = (id: string, title: string) => ({
  id,
  kind: 'stage' as const,
  title,
  prompts: ['?'],
  timeboxMinutes: 5,
  voting: true,
  grouping: false,
});

function board(change: Partial<BoardView>): BoardView {
  const steps = [step('what', 'What?'), step('so-what', 'So what?')];
  return {
    ...readBoard(new Y.Doc()),
    steps,
    currentStep: steps[0],
    currentStepIndex: 0,
    ...change,
  };
}

const timer = (status: 'running' | 'expired') => ({
  stepId: 'what',
  status,
  durationMs: 1000,
  deadline: null,
  remainingMs: 0,
});

describe('board announcements', () => {
  it('says the new step, with its place', () => {
    const next = board({ currentStepIndex: 1, currentStep: step('so-what', 'So what?') });
    expect(boardAnnouncement(board({}), next)).toBe('Now on step 2 of 2: So what?.');
  });

  it('says once that time is up, not at every update after', () => {
    const running = board({ timer: timer('running') });
    const expired = board({ timer: timer('expired') });
    expect(boardAnnouncement(running, expired)).toBe('Time is up for “What?”.');
    expect(boardAnnouncement(expired, expired)).toBeUndefined();
  });

  it('says when voting opens and closes, and when the board is locked', () => {
    const voting = (status: 'open' | 'closed') =>
      board({
        stepState: {
          what: {
            visibility: 'named',
            round: 1,
            voting: { status, round: 1, budget: 3, maxPerNote: 1 },
          },
        },
      });
    expect(boardAnnouncement(board({}), voting('open'))).toBe('Voting is open.');
    expect(boardAnnouncement(voting('open'), voting('closed'))).toMatch(/^Voting has closed/);
    expect(boardAnnouncement(board({}), board({ locked: true }))).toBe(
      'The facilitator has locked the board.',
    );
  });

  it('says the group’s decision on an earlier action when it is made or changed, once', () => {
    const action = (decision: BoardView['previousActions'][number]['decision']) =>
      board({
        previousActions: [
          {
            id: 'a',
            text: 'Try a handover sheet',
            ownerName: null,
            due: null,
            fromSessionTitle: 'January',
            history: [],
            order: 0,
            decision,
          },
        ],
      });
    const carried = action({ outcome: 'carried', note: 'Tried once' });
    expect(boardAnnouncement(action(null), carried)).toBe('“Try a handover sheet”: carried on.');
    expect(boardAnnouncement(carried, carried)).toBeUndefined();
    expect(boardAnnouncement(carried, action({ outcome: 'done', note: null }))).toBe(
      '“Try a handover sheet”: done.',
    );
  });
});
