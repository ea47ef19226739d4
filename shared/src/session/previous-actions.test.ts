import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, SessionCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve } from './evolve.ts';
import { modelSchema } from './models/model.ts';
import {
  boundedHistory,
  previousActionHistoryMax,
  previousActionSchema,
  previousActionsSchema,
  type PreviousAction,
  type ReviewOutcome,
} from './previous-actions.ts';
import type { SessionState } from './state.ts';
import { takesNotes } from './steps.ts';
import {
  ann,
  at,
  ben,
  cora,
  events,
  fay,
  model,
  newId,
  olga,
  outcome,
  run,
  started,
  system,
  t0,
  noPool,
} from './test-support/fixtures.ts';

const rotaId = '20000000-0000-4000-8000-0000000000a1';
const handoverId = '20000000-0000-4000-8000-0000000000a2';

const previous: PreviousAction[] = [
  {
    id: rotaId,
    text: 'Ask for a quieter room for handovers',
    ownerName: 'Ann',
    due: '2026-12-01',
    fromSessionTitle: 'November supervision',
    history: [{ sessionTitle: 'November supervision', outcome: 'created', note: null, at: t0 }],
  },
  {
    id: handoverId,
    text: 'Try a written handover sheet',
    ownerName: null,
    due: null,
    fromSessionTitle: 'October supervision',
    history: [
      { sessionTitle: 'October supervision', outcome: 'created', note: null, at: t0 - 2 },
      {
        sessionTitle: 'November supervision',
        outcome: 'carried',
        note: 'Printed, not used yet',
        at: t0 - 1,
      },
    ],
  },
];

const withPrevious = (): SessionState => started(model(), previous);

const review = (
  actionId: string,
  reviewOutcome: ReviewOutcome,
  note: string | null = null,
): SessionCommand => ({ type: 'reviewAction', actionId, outcome: reviewOutcome, note });

const decisionOf = (state: SessionState, actionId: string) =>
  state.previousActions.find((action) => action.id === actionId)?.decision;

describe('the previous-actions step', () => {
  it('[C5] without previous actions the steps are the model’s alone, as before', () => {
    expect(started().steps.map((step) => step.id)).toEqual([
      'lobby',
      'check-in',
      'agreement',
      'what',
      'so-what',
      'now-what',
      'actions',
      'check-out',
    ]);
    expect(started().previousActions).toEqual([]);
  });

  it('[C5] with previous actions the session opens with reviewing them, right after the lobby', () => {
    const state = withPrevious();
    expect(state.steps.map((step) => step.id)).toEqual([
      'lobby',
      'previous-actions',
      'check-in',
      'agreement',
      'what',
      'so-what',
      'now-what',
      'actions',
      'check-out',
    ]);
    const step = state.steps[1];
    expect(step).toMatchObject({ kind: 'previousActions', title: 'Previous actions' });
    expect(step && takesNotes(step)).toBe(false);
    expect(state.previousActions.map((action) => [action.id, action.decision])).toEqual([
      [rotaId, null],
      [handoverId, null],
    ]);
  });

  it('[C5] the step takes no notes', () => {
    const state = at(withPrevious(), 'previous-actions');
    expect(
      outcome(state, fay, {
        type: 'addNote',
        noteId: newId(),
        stepId: 'previous-actions',
        text: 'a note',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe('invalid_request');
  });

  it('[C5] its id is reserved: a model may not name a stage after it', () => {
    const stages = model().stages.map((stage, index) =>
      index === 0 ? { ...stage, id: 'previous-actions' } : stage,
    );
    expect(modelSchema.safeParse({ ...model(), stages }).success).toBe(false);
  });
});

describe('reviewing previous actions', () => {
  it.each([
    ['the facilitator', fay, 'ok'],
    ['a co-facilitator', cora, 'ok'],
    ['a participant', ann, 'forbidden'],
    ['another participant', ben, 'forbidden'],
    ['an observer', olga, 'forbidden'],
    ['the server', system, 'forbidden'],
  ] as Array<[string, Actor, string]>)(
    '[C1] only facilitators record the group’s decision: %s → %s',
    (_label, actor, expected) => {
      expect(outcome(withPrevious(), actor, review(rotaId, 'done'))).toBe(expected);
    },
  );

  it('[C1] a participant’s refusal comes before anything about the action is checked', () => {
    expect(outcome(withPrevious(), ann, review(newId(), 'carried'))).toBe('forbidden');
  });

  it('[C2] the action must be one of this session’s previous actions', () => {
    let state = at(withPrevious(), 'actions');
    const actionId = newId();
    state = run(state, fay, {
      type: 'addAction',
      actionId,
      text: 'A new action of this session',
      owner: { kind: 'team', participantId: null },
      due: null,
    });
    expect(outcome(state, fay, review(actionId, 'done'))).toBe('not_found');
    expect(outcome(state, fay, review(newId(), 'done'))).toBe('not_found');
    expect(outcome(started(), fay, review(rotaId, 'done'))).toBe('not_found');
  });

  it.each([
    ['carried with a note', 'carried', 'Tried twice; the room was booked', 'ok'],
    ['carried with 500 characters', 'carried', 'x'.repeat(500), 'ok'],
    ['carried with 500 emoji', 'carried', '🙂'.repeat(500), 'ok'],
    ['carried without a note', 'carried', null, 'invalid_request'],
    ['carried with a blank note', 'carried', ' \n ', 'invalid_request'],
    ['carried with 501 characters', 'carried', 'x'.repeat(501), 'invalid_request'],
    ['done without a note', 'done', null, 'ok'],
    ['done with a note', 'done', 'Booked from January', 'ok'],
    ['dropped with a blank note', 'dropped', '   ', 'ok'],
    ['dropped with 501 characters', 'dropped', 'x'.repeat(501), 'invalid_request'],
  ] as Array<[string, ReviewOutcome, string | null, string]>)(
    '[C3] a carried action needs a note of 1–500 characters; done and dropped may have one: %s → %s',
    (_label, reviewOutcome, note, expected) => {
      expect(outcome(withPrevious(), fay, review(rotaId, reviewOutcome, note))).toBe(expected);
    },
  );

  it('[C3] the note is kept trimmed, and a blank one as none', () => {
    const carried = events(
      withPrevious(),
      fay,
      review(rotaId, 'carried', '  Tried once  '),
      t0 + 5,
    );
    expect(carried).toEqual([
      {
        type: 'PreviousActionReviewed',
        actionId: rotaId,
        outcome: 'carried',
        note: 'Tried once',
        at: t0 + 5,
      },
    ]);
    const dropped = events(withPrevious(), fay, review(rotaId, 'dropped', '  '));
    expect(dropped[0]).toMatchObject({ outcome: 'dropped', note: null });
  });

  it('[C4] a decision can be changed while the session is open; only that action changes', () => {
    const initial = withPrevious();
    let state = run(initial, fay, review(rotaId, 'done'), t0 + 1);
    expect(decisionOf(state, rotaId)).toEqual({ outcome: 'done', note: null, at: t0 + 1 });
    expect(decisionOf(state, handoverId)).toBeNull();
    state = run(state, cora, review(rotaId, 'carried', 'Only half done'), t0 + 2);
    expect(decisionOf(state, rotaId)).toEqual({
      outcome: 'carried',
      note: 'Only half done',
      at: t0 + 2,
    });
    expect(state.previousActions[1]).toBe(initial.previousActions[1]);
  });

  it('[C4] the same decision again changes nothing', () => {
    const state = run(withPrevious(), fay, review(rotaId, 'carried', 'Tried once'));
    expect(events(state, fay, review(rotaId, 'carried', ' Tried once '))).toEqual([]);
    expect(events(state, fay, review(rotaId, 'carried', 'Tried twice'))).toHaveLength(1);
  });

  it('[F4] a closed session takes no decision', () => {
    const closed = run(withPrevious(), fay, { type: 'closeSession', pool: noPool });
    expect(outcome(closed, fay, review(rotaId, 'done'))).toBe('conflict');
  });

  it('[C1] property: whatever people without the facilitator’s controls send, no decision changes', () => {
    const nonFacilitators: Actor[] = [ann, ben, olga, system];
    const command = fc.record({
      type: fc.constant('reviewAction' as const),
      actionId: fc.constantFrom(rotaId, handoverId, newId()),
      outcome: fc.constantFrom<ReviewOutcome>('done', 'carried', 'dropped'),
      note: fc.option(fc.string({ maxLength: 600 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...nonFacilitators), command), { maxLength: 20 }),
        fc.boolean(),
        (sent, decidedFirst) => {
          let state = withPrevious();
          if (decidedFirst) state = run(state, fay, review(handoverId, 'dropped'));
          const before = state.previousActions;
          for (const [actor, reviewCommand] of sent) {
            const result = decide(state, actor, reviewCommand, t0);
            expect(result.ok).toBe(false);
            if (result.ok) state = result.data.reduce(evolve, state);
          }
          expect(state.previousActions).toBe(before);
        },
      ),
      { seed: 20261122, numRuns: 200 },
    );
  });
});

describe('the previous-action snapshot', () => {
  it('parses with its schema, and refuses what is not one', () => {
    expect(previousActionsSchema.parse(previous)).toEqual(previous);
    expect(previousActionSchema.safeParse({ ...previous[0], id: 'not-a-uuid' }).success).toBe(
      false,
    );
    expect(previousActionSchema.safeParse({ ...previous[0], text: '' }).success).toBe(false);
  });

  it('keeps an action’s creation and its latest history when it has been carried many times', () => {
    const history = Array.from({ length: 80 }, (_, index) => index);
    const bounded = boundedHistory(history);
    expect(bounded).toHaveLength(previousActionHistoryMax);
    expect(bounded[0]).toBe(0);
    expect(bounded.slice(1)).toEqual(history.slice(80 - (previousActionHistoryMax - 1)));
    expect(boundedHistory([1, 2, 3])).toEqual([1, 2, 3]);
  });
});
