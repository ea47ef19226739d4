import { describe, expect, it } from 'vitest';
import type { SessionCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, initialState, withParticipant } from './evolve.ts';
import {
  privateView,
  visibleNotes,
  facilitatorView,
  remainingVotes,
  canVote,
} from './selectors.ts';
import {
  addNote,
  ann,
  at,
  ben,
  cora,
  fay,
  ids,
  model,
  newId,
  olga,
  outcome,
  person,
  run,
  started,
  stepIndex,
  system,
  t0,
  events,
  noPool,
  poolFor,
} from './test-support/fixtures.ts';

const hash = 'f'.repeat(64);

describe('notes', () => {
  const whatNamed = run(at(started(), 'what'), fay, {
    type: 'setVisibility',
    stepId: 'what',
    visibility: 'named',
  });

  it.each([
    ['one character', 'x', 'ok'],
    ['1,000 characters', 'x'.repeat(1000), 'ok'],
    ['1,000 emoji', '🙂'.repeat(1000), 'ok'],
    ['empty', '', 'invalid_request'],
    ['white space', ' \n ', 'invalid_request'],
    ['1,001 characters', 'x'.repeat(1001), 'invalid_request'],
  ])(
    "[N1] a note's text is 1–1,000 characters after trimming: %s → %s",
    (_label, text, expected) => {
      expect(
        outcome(whatNamed, ann, {
          type: 'addNote',
          noteId: newId(),
          stepId: 'what',
          text,
          anonymous: false,
          ownerHash: null,
        }),
      ).toBe(expected);
    },
  );

  it.each([
    ['the current step', 'what', 'ok'],
    ['another step', 'so-what', 'conflict'],
  ])('[N2] a note goes into the current step: %s → %s', (_label, stepId, expected) => {
    expect(
      outcome(whatNamed, ann, {
        type: 'addNote',
        noteId: newId(),
        stepId,
        text: 'x',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe(expected);
  });

  it.each([
    ['lobby', 'invalid_request'],
    ['agreement', 'invalid_request'],
    ['actions', 'invalid_request'],
    ['check-in', 'ok'],
    ['check-out', 'ok'],
  ])('[N2] only steps that take notes take them: %s → %s', (stepId, expected) => {
    const state = at(started(), stepId === 'lobby' ? 'check-in' : stepId);
    const there = stepId === 'lobby' ? run(state, fay, { type: 'goToStep', stepIndex: 0 }) : state;
    expect(
      outcome(there, ann, {
        type: 'addNote',
        noteId: newId(),
        stepId,
        text: 'x',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe(expected);
  });

  it.each([
    ['its author', ann, null, 'ok'],
    ['another participant', ben, null, 'forbidden'],
    ['a facilitator', fay, null, 'forbidden'],
  ])('[N3] only its author edits a named note: %s → %s', (_label, actor, proof, expected) => {
    const { state, noteId } = addNote(whatNamed, ann, 'what');
    expect(
      outcome(state, actor, { type: 'editNote', noteId, text: 'changed', proofHash: proof }),
    ).toBe(expected);
  });

  it.each([
    ['the right proof', hash, 'ok'],
    ['a wrong proof', 'e'.repeat(64), 'forbidden'],
    ['no proof', null, 'forbidden'],
  ])(
    '[N3] an anonymous note is edited only with its secret: %s → %s',
    (_label, proof, expected) => {
      const { state, noteId } = addNote(whatNamed, ann, 'what', 'secret', {
        anonymous: true,
        ownerHash: hash,
      });
      expect(
        outcome(state, ann, { type: 'editNote', noteId, text: 'changed', proofHash: proof }),
      ).toBe(expected);
      expect(
        outcome(state, ben, { type: 'editNote', noteId, text: 'changed', proofHash: proof }),
      ).toBe(expected);
    },
  );

  it.each([
    ['its author', ann, 'ok'],
    ['another participant', ben, 'forbidden'],
    ['a facilitator', fay, 'ok'],
    ['a co-facilitator', cora, 'ok'],
  ])('[N4] its author or a facilitator deletes a note: %s → %s', (_label, actor, expected) => {
    const { state, noteId } = addNote(whatNamed, ann, 'what');
    expect(outcome(state, actor, { type: 'deleteNote', noteId, proofHash: null })).toBe(expected);
  });

  it('[N5] a note is anonymous when the step is or its author chooses, and then keeps no author', () => {
    const chosen = events(whatNamed, ann, {
      type: 'addNote',
      noteId: newId(),
      stepId: 'what',
      text: 'x',
      anonymous: true,
      ownerHash: hash,
    });
    expect(chosen[0]).toMatchObject({ authorId: null, ownerHash: hash });
    const anonymousStep = run(whatNamed, fay, {
      type: 'setVisibility',
      stepId: 'what',
      visibility: 'anonymous',
    });
    const forced = events(anonymousStep, ann, {
      type: 'addNote',
      noteId: newId(),
      stepId: 'what',
      text: 'x',
      anonymous: false,
      ownerHash: hash,
    });
    expect(forced[0]).toMatchObject({ authorId: null, ownerHash: hash });
    expect(JSON.stringify(forced)).not.toContain(ids.ann);
    expect(
      outcome(anonymousStep, ann, {
        type: 'addNote',
        noteId: newId(),
        stepId: 'what',
        text: 'x',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe('invalid_request');
  });

  it('[N7] editing or deleting a note that does not exist is refused as not found', () => {
    expect(
      outcome(whatNamed, ann, { type: 'editNote', noteId: newId(), text: 'x', proofHash: null }),
    ).toBe('not_found');
    expect(outcome(whatNamed, fay, { type: 'deleteNote', noteId: newId(), proofHash: null })).toBe(
      'not_found',
    );
  });

  it('[N8] a note id already on the board is refused', () => {
    const { state, noteId } = addNote(whatNamed, ann, 'what');
    expect(
      outcome(state, ben, {
        type: 'addNote',
        noteId,
        stepId: 'what',
        text: 'x',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe('conflict');
  });
});

describe('agreement and roles', () => {
  it('[A1] a participant accepts the agreement before contributing', () => {
    let state = initialState({ title: 'T', model: model() });
    state = withParticipant(state, ids.fay, 'Fay', 'facilitator');
    state = withParticipant(state, ids.ann, 'Ann', 'participant');
    state = at(state, 'check-in');
    const note: SessionCommand = {
      type: 'addNote',
      noteId: newId(),
      stepId: 'check-in',
      text: 'hi',
      anonymous: false,
      ownerHash: null,
    };
    expect(outcome(state, ann, note)).toBe('forbidden');
    expect(outcome(state, fay, note)).toBe('ok');
    state = run(state, ann, { type: 'acceptAgreement' }, t0 + 5);
    expect(state.accepted[ids.ann]).toBe(t0 + 5);
    expect(outcome(state, ann, note)).toBe('ok');
    expect(facilitatorView(state).notAccepted).toEqual([]);
  });

  it('[A2] acceptance is recorded once, with its time', () => {
    const state = started();
    expect(events(state, ann, { type: 'acceptAgreement' })).toEqual([]);
    let fresh = withParticipant(state, newId(), 'Dee', 'participant');
    const dee =
      Object.keys(fresh.participants).find((id) => fresh.participants[id]?.name === 'Dee') ?? '';
    expect(facilitatorView(fresh).notAccepted).toEqual([{ participantId: dee, name: 'Dee' }]);
    fresh = run(fresh, { kind: 'person', participantId: dee }, { type: 'acceptAgreement' });
    expect(facilitatorView(fresh).notAccepted).toEqual([]);
  });

  it.each([
    ['the facilitator names a co-facilitator', fay, ids.ann, 'co-facilitator', 'ok'],
    ['a co-facilitator cannot name one', cora, ids.ann, 'co-facilitator', 'forbidden'],
    ['a participant cannot', ann, ids.ben, 'co-facilitator', 'forbidden'],
    ['nobody changes the facilitator', fay, ids.fay, 'participant', 'forbidden'],
    ['there is one facilitator', fay, ids.ann, 'facilitator', 'invalid_request'],
  ] as const)(
    '[R1] only the facilitator names a co-facilitator: %s',
    (_label, actor, target, role, expected) => {
      expect(outcome(started(), actor, { type: 'setRole', participantId: target, role })).toBe(
        expected,
      );
    },
  );

  it('[R2] a co-facilitator has the facilitator’s controls, and loses them when demoted', () => {
    let state = started();
    expect(outcome(state, cora, { type: 'goToStep', stepIndex: 1 })).toBe('ok');
    state = run(state, fay, { type: 'setRole', participantId: ids.cora, role: 'participant' });
    expect(outcome(state, cora, { type: 'goToStep', stepIndex: 1 })).toBe('forbidden');
  });

  it.each([
    ['the facilitator removes a participant', fay, ids.ann, 'ok'],
    ['a co-facilitator removes a participant', cora, ids.ben, 'ok'],
    ['a participant cannot', ann, ids.ben, 'forbidden'],
    ['nobody removes the facilitator', cora, ids.fay, 'forbidden'],
    ['a co-facilitator cannot remove a co-facilitator', person(ids.ann), ids.cora, 'forbidden'],
  ])(
    '[R4] a facilitator removes someone from the session: %s',
    (_label, actor, target, expected) => {
      expect(outcome(started(), actor, { type: 'removeParticipant', participantId: target })).toBe(
        expected,
      );
    },
  );

  it('[R4] a removed person can do nothing more', () => {
    const state = run(at(started(), 'check-in'), fay, {
      type: 'removeParticipant',
      participantId: ids.ann,
    });
    expect(state.participants[ids.ann]).toBeUndefined();
    expect(
      outcome(state, ann, {
        type: 'addNote',
        noteId: newId(),
        stepId: 'check-in',
        text: 'x',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe('forbidden');
    expect(outcome(state, ann, { type: 'acceptAgreement' })).toBe('forbidden');
  });

  it('[R3] an observer reads and never writes', () => {
    const state = at(started(), 'check-in');
    expect(
      outcome(state, olga, {
        type: 'addNote',
        noteId: newId(),
        stepId: 'check-in',
        text: 'x',
        anonymous: false,
        ownerHash: null,
      }),
    ).toBe('forbidden');
    expect(outcome(state, olga, { type: 'goToStep', stepIndex: 0 })).toBe('forbidden');
    expect(privateView(state, ids.olga).role).toBe('observer');
  });
});

describe('flow', () => {
  it.each([
    ['facilitator', fay, 'ok'],
    ['co-facilitator', cora, 'ok'],
    ['participant', ann, 'forbidden'],
    ['observer', olga, 'forbidden'],
  ])('[F1] only facilitators move between steps: %s → %s', (_label, actor, expected) => {
    expect(outcome(started(), actor, { type: 'goToStep', stepIndex: 1 })).toBe(expected);
  });

  it('[F2] moving forward, back and skipping loses nothing on the board', () => {
    let state = at(started(), 'check-in');
    state = addNote(state, ann, 'check-in', 'arriving tired').state;
    state = at(state, 'so-what');
    state = at(state, 'check-in');
    state = at(state, 'check-out');
    expect(Object.values(state.notes).map((note) => note.text)).toEqual(['arriving tired']);
    expect(outcome(state, fay, { type: 'goToStep', stepIndex: 99 })).toBe('invalid_request');
    expect(outcome(state, fay, { type: 'goToStep', stepIndex: -1 })).toBe('invalid_request');
  });

  it('[F3] running a stage again starts a new round: a fresh timer and fresh voting; earlier notes stay', () => {
    let state = at(started(), 'so-what');
    state = run(state, fay, { type: 'setVisibility', stepId: 'so-what', visibility: 'named' });
    state = addNote(state, ann, 'so-what', 'first round').state;
    state = run(state, fay, { type: 'openVoting', stepId: 'so-what', budget: 3, maxPerNote: 1 });
    state = run(state, fay, { type: 'startTimer', durationMs: null });
    state = run(state, fay, { type: 'rerunStep' });
    expect(state.rounds['so-what']).toBe(2);
    expect(state.timer.status).toBe('idle');
    expect(state.voting['so-what']?.status).toBe('closed');
    const second = addNote(state, ben, 'so-what', 'second round');
    expect(second.state.notes[second.noteId]?.round).toBe(2);
    expect(Object.keys(second.state.notes)).toHaveLength(2);
    expect(outcome(at(state, 'agreement'), fay, { type: 'rerunStep' })).toBe('invalid_request');
  });

  it('[F4] a closed session takes no changes', () => {
    const state = run(started(), fay, { type: 'closeSession', pool: noPool });
    expect(outcome(state, fay, { type: 'goToStep', stepIndex: 1 })).toBe('conflict');
    expect(outcome(state, ann, { type: 'acceptAgreement' })).toBe('conflict');
  });

  it.each([
    ['facilitator', fay, 'ok'],
    ['co-facilitator', cora, 'ok'],
    ['participant', ann, 'forbidden'],
  ])('[F5] only those facilitating end the session: %s → %s', (_label, actor, expected) => {
    expect(outcome(started(), actor, { type: 'closeSession', pool: noPool })).toBe(expected);
  });

  it.each([
    ['the server', system, 'ok'],
    ['the facilitator', fay, 'forbidden'],
    ['a participant', ann, 'forbidden'],
  ])('[RT5] only the server closes an abandoned session: %s → %s', (_label, actor, expected) => {
    expect(outcome(started(), actor, { type: 'closeAbandoned', pool: noPool })).toBe(expected);
    if (expected === 'ok') {
      expect(run(started(), actor, { type: 'closeAbandoned', pool: noPool }).status).toBe('closed');
    }
  });
});

describe('visibility, lock and spotlight', () => {
  it('[H1] a note posted in a hidden step is seen by no one but its author until revealed', () => {
    let state = at(started(), 'what');
    expect(state.steps[stepIndex(state, 'what')]?.visibility).toBe('hidden');
    const posted = addNote(state, ann, 'what', 'my private thought');
    state = posted.state;
    expect(Object.keys(visibleNotes(state, ids.ann))).toEqual([posted.noteId]);
    for (const viewer of [ids.ben, ids.fay, ids.cora, ids.olga])
      expect(visibleNotes(state, viewer)).toEqual({});
    expect(privateView(state, ids.ann).hiddenNotes).toEqual([
      { noteId: posted.noteId, stepId: 'what', text: 'my private thought' },
    ]);
    expect(facilitatorView(state).hiddenCounts).toEqual({ what: 1 });
  });

  it('[H2] revealing a step releases all of its hidden notes at once, in the order given', () => {
    let state = at(started(), 'what');
    const a = addNote(state, ann, 'what', 'a');
    const b = addNote(a.state, ben, 'what', 'b');
    state = b.state;
    expect(
      outcome(state, ann, {
        type: 'reveal',
        stepId: 'what',
        pool: poolFor(state, { order: [b.noteId, a.noteId] }),
      }),
    ).toBe('forbidden');
    expect(
      outcome(state, fay, {
        type: 'reveal',
        stepId: 'what',
        pool: poolFor(state, { order: [b.noteId] }),
      }),
    ).toBe('invalid_request');
    expect(
      outcome(state, fay, {
        type: 'reveal',
        stepId: 'what',
        pool: poolFor(state, { order: [b.noteId, b.noteId] }),
      }),
    ).toBe('invalid_request');
    const revealed = events(
      state,
      fay,
      { type: 'reveal', stepId: 'what', pool: poolFor(state, { order: [b.noteId, a.noteId] }) },
      t0 + 9,
    );
    expect(revealed).toEqual([
      {
        type: 'NotesRevealed',
        stepId: 'what',
        noteIds: [b.noteId, a.noteId],
        released: [],
        changes: [],
        at: t0 + 9,
      },
    ]);
    state = revealed.reduce(evolve, state);
    expect(Object.keys(visibleNotes(state, ids.olga)).sort()).toEqual([a.noteId, b.noteId].sort());
  });

  it('[L1] while the board is locked only facilitators change it', () => {
    let state = at(started(), 'check-in');
    expect(outcome(state, ann, { type: 'setLocked', locked: true })).toBe('forbidden');
    state = run(state, fay, { type: 'setLocked', locked: true });
    const note: SessionCommand = {
      type: 'addNote',
      noteId: newId(),
      stepId: 'check-in',
      text: 'x',
      anonymous: false,
      ownerHash: null,
    };
    expect(outcome(state, ann, note)).toBe('conflict');
    expect(outcome(state, fay, note)).toBe('ok');
    state = run(state, fay, { type: 'setLocked', locked: false });
    expect(outcome(state, ann, note)).toBe('ok');
  });

  it('[L2] only a note everyone can see may be spotlit', () => {
    let state = at(started(), 'what');
    const hidden = addNote(state, ann, 'what');
    state = run(hidden.state, fay, { type: 'setVisibility', stepId: 'what', visibility: 'named' });
    const shown = addNote(state, ben, 'what');
    expect(outcome(shown.state, fay, { type: 'spotlight', noteId: hidden.noteId })).toBe(
      'not_found',
    );
    expect(outcome(shown.state, ann, { type: 'spotlight', noteId: shown.noteId })).toBe(
      'forbidden',
    );
    const lit = run(shown.state, fay, { type: 'spotlight', noteId: shown.noteId });
    expect(lit.spotlight).toBe(shown.noteId);
    expect(run(lit, fay, { type: 'spotlight', noteId: null }).spotlight).toBeNull();
  });
});

describe('timer', () => {
  it('[T1] starting sets a deadline from the stage timebox; pausing keeps what is left; resuming continues', () => {
    let state = at(started(), 'what');
    const timebox = (state.steps[stepIndex(state, 'what')]?.timeboxMinutes ?? 0) * 60_000;
    expect(outcome(state, ann, { type: 'startTimer', durationMs: null })).toBe('forbidden');
    state = run(state, fay, { type: 'startTimer', durationMs: null }, t0);
    expect(state.timer).toMatchObject({ status: 'running', deadline: t0 + timebox });
    expect(outcome(state, fay, { type: 'startTimer', durationMs: null })).toBe('conflict');
    state = run(state, fay, { type: 'pauseTimer' }, t0 + 60_000);
    expect(state.timer).toMatchObject({
      status: 'paused',
      deadline: null,
      remainingMs: timebox - 60_000,
    });
    state = run(state, fay, { type: 'startTimer', durationMs: null }, t0 + 100_000);
    expect(state.timer.deadline).toBe(t0 + 100_000 + timebox - 60_000);
    state = run(state, fay, { type: 'resetTimer' });
    expect(state.timer).toMatchObject({ status: 'idle', deadline: null, remainingMs: timebox });
  });

  it('[T2] extending adds time to a running, paused or expired timer, up to three hours', () => {
    let state = run(at(started(), 'what'), fay, { type: 'startTimer', durationMs: 60_000 }, t0);
    state = run(state, fay, { type: 'extendTimer', ms: 30_000 }, t0 + 1);
    expect(state.timer.deadline).toBe(t0 + 90_000);
    expect(outcome(state, fay, { type: 'extendTimer', ms: 3 * 3_600_000 })).toBe('invalid_request');
    expect(outcome(state, fay, { type: 'extendTimer', ms: 0 })).toBe('invalid_request');
    state = run(state, system, { type: 'expireTimer' }, t0 + 90_000);
    state = run(state, fay, { type: 'extendTimer', ms: 60_000 }, t0 + 100_000);
    expect(state.timer).toMatchObject({ status: 'running', deadline: t0 + 160_000 });
  });

  it('[T3] only the server’s clock expires a running timer, and only once its deadline has passed', () => {
    const state = run(at(started(), 'what'), fay, { type: 'startTimer', durationMs: 60_000 }, t0);
    expect(outcome(state, fay, { type: 'expireTimer' }, t0 + 70_000)).toBe('forbidden');
    expect(events(state, system, { type: 'expireTimer' }, t0 + 59_999)).toEqual([]);
    expect(run(state, system, { type: 'expireTimer' }, t0 + 60_000).timer.status).toBe('expired');
  });

  it('moving to another step resets the timer to that step’s timebox', () => {
    let state = run(at(started(), 'what'), fay, { type: 'startTimer', durationMs: 60_000 }, t0);
    state = at(state, 'so-what');
    expect(state.timer).toMatchObject({ stepId: 'so-what', status: 'idle', deadline: null });
  });
});

describe('voting', () => {
  function votingOn(budget = 3, maxPerNote = 1) {
    let state = at(started(), 'so-what');
    state = run(state, fay, { type: 'setVisibility', stepId: 'so-what', visibility: 'named' });
    const a = addNote(state, ann, 'so-what', 'a');
    const b = addNote(a.state, ben, 'so-what', 'b');
    const c = addNote(b.state, ben, 'so-what', 'c');
    state = run(c.state, fay, { type: 'openVoting', stepId: 'so-what', budget, maxPerNote });
    return { state, notes: [a.noteId, b.noteId, c.noteId] as const };
  }

  it.each([
    ['a stage with voting', 'so-what', fay, 'ok'],
    ['a stage without voting', 'what', fay, 'invalid_request'],
    ['the check-in', 'check-in', fay, 'invalid_request'],
    ['by a participant', 'so-what', ann, 'forbidden'],
  ])(
    '[V1] voting opens only on a stage where it applies: %s → %s',
    (_label, stepId, actor, expected) => {
      expect(
        outcome(started(), actor, { type: 'openVoting', stepId, budget: 3, maxPerNote: 1 }),
      ).toBe(expected);
    },
  );

  it('[V2] a vote beyond the budget is refused', () => {
    const voted = votingOn(2, 1);
    const notes = voted.notes;
    let state = voted.state;
    state = run(state, ann, { type: 'castVote', noteId: notes[0] });
    state = run(state, ann, { type: 'castVote', noteId: notes[1] });
    expect(remainingVotes(state, ids.ann, 'so-what')).toBe(0);
    expect(outcome(state, ann, { type: 'castVote', noteId: notes[2] })).toBe('conflict');
    expect(canVote(state, ids.ann, notes[2])).toBe(false);
  });

  it('[V3] more votes on one note than allowed are refused', () => {
    const voted = votingOn(3, 2);
    const notes = voted.notes;
    let state = voted.state;
    state = run(state, ann, { type: 'castVote', noteId: notes[0] });
    state = run(state, ann, { type: 'castVote', noteId: notes[0] });
    expect(outcome(state, ann, { type: 'castVote', noteId: notes[0] })).toBe('conflict');
    expect(outcome(state, ann, { type: 'castVote', noteId: notes[1] })).toBe('ok');
  });

  it('[V4] votes go only to visible notes of a step whose voting is open', () => {
    const { state, notes } = votingOn();
    const closed = run(state, fay, { type: 'closeVoting', stepId: 'so-what' });
    expect(outcome(closed, ann, { type: 'castVote', noteId: notes[0] })).toBe('conflict');
    expect(outcome(state, ann, { type: 'castVote', noteId: newId() })).toBe('not_found');
    expect(outcome(state, olga, { type: 'castVote', noteId: notes[0] })).toBe('forbidden');
  });

  it('[V5] you can take back only a vote you cast', () => {
    const voted = votingOn();
    const notes = voted.notes;
    let state = voted.state;
    expect(outcome(state, ann, { type: 'retractVote', noteId: notes[0] })).toBe('conflict');
    state = run(state, ann, { type: 'castVote', noteId: notes[0] });
    expect(outcome(state, ben, { type: 'retractVote', noteId: notes[0] })).toBe('conflict');
    state = run(state, ann, { type: 'retractVote', noteId: notes[0] });
    expect(remainingVotes(state, ids.ann, 'so-what')).toBe(3);
  });

  it('[V6] tallies appear when voting closes and equal the votes cast; who voted is never in them', () => {
    const voted = votingOn();
    const notes = voted.notes;
    let state = voted.state;
    state = run(state, ann, { type: 'castVote', noteId: notes[0] });
    state = run(state, ben, { type: 'castVote', noteId: notes[0] });
    state = run(state, ben, { type: 'castVote', noteId: notes[2] });
    expect(state.voting['so-what']?.tallies).toBeNull();
    expect(privateView(state, ids.ann).votes).toMatchObject({
      remaining: 2,
      byNote: { [notes[0]]: 1 },
    });
    const closing = events(state, fay, { type: 'closeVoting', stepId: 'so-what' });
    expect(closing[0]).toMatchObject({
      type: 'VotingClosed',
      tallies: { [notes[0]]: 2, [notes[2]]: 1 },
    });
    expect(JSON.stringify(closing)).not.toContain(ids.ann);
  });

  it.each([
    ['running the stage again', { type: 'rerunStep' } as const, fay, 'StepRerun'],
    ['ending the session', { type: 'closeSession', pool: noPool } as const, fay, 'SessionClosed'],
    [
      'closing it as abandoned',
      { type: 'closeAbandoned', pool: noPool } as const,
      system,
      'SessionClosed',
    ],
  ])(
    '[V7] %s closes open voting first, with its tallies, as closing it would',
    (_label, command, actor, last) => {
      const voted = votingOn();
      let state = voted.state;
      state = run(state, ann, { type: 'castVote', noteId: voted.notes[0] });
      state = run(state, ben, { type: 'castVote', noteId: voted.notes[1] });
      const closing = events(state, actor, command);
      expect(closing.map((event) => event.type)).toEqual(['VotingClosed', last]);
      expect(closing[0]).toMatchObject({
        stepId: 'so-what',
        tallies: { [voted.notes[0]]: 1, [voted.notes[1]]: 1 },
      });
      // Without voting open there is nothing to close.
      const quiet = run(state, fay, { type: 'closeVoting', stepId: 'so-what' });
      expect(events(quiet, actor, command).map((event) => event.type)).toEqual([last]);
    },
  );
});

describe('themes and actions', () => {
  it('[G1] themes exist only where grouping applies, and only facilitators make them', () => {
    const state = started();
    expect(
      outcome(state, fay, {
        type: 'createGroup',
        groupId: newId(),
        stepId: 'so-what',
        title: 'Staffing',
      }),
    ).toBe('ok');
    expect(
      outcome(state, fay, {
        type: 'createGroup',
        groupId: newId(),
        stepId: 'what',
        title: 'Staffing',
      }),
    ).toBe('invalid_request');
    expect(
      outcome(state, ann, {
        type: 'createGroup',
        groupId: newId(),
        stepId: 'so-what',
        title: 'Staffing',
      }),
    ).toBe('forbidden');
    expect(
      outcome(state, fay, { type: 'createGroup', groupId: newId(), stepId: 'so-what', title: ' ' }),
    ).toBe('invalid_request');
  });

  it('[G2] a note joins a theme of its own step; deleting the theme ungroups its notes', () => {
    let state = at(started(), 'so-what');
    state = run(state, fay, { type: 'setVisibility', stepId: 'so-what', visibility: 'named' });
    const note = addNote(state, ann, 'so-what');
    const groupId = newId();
    state = run(note.state, fay, {
      type: 'createGroup',
      groupId,
      stepId: 'so-what',
      title: 'Handover',
    });
    state = run(state, fay, { type: 'moveToGroup', noteId: note.noteId, groupId });
    expect(state.notes[note.noteId]?.groupId).toBe(groupId);
    state = run(state, fay, { type: 'renameGroup', groupId, title: 'Handovers' });
    expect(state.groups[groupId]?.title).toBe('Handovers');
    state = run(state, fay, { type: 'deleteGroup', groupId });
    expect(state.notes[note.noteId]?.groupId).toBeNull();
    const otherStep = newId();
    state = run(state, fay, {
      type: 'createGroup',
      groupId: otherStep,
      stepId: 'so-what',
      title: 'Other',
    });
    const checkIn = addNote(at(state, 'check-in'), ann, 'check-in');
    expect(
      outcome(checkIn.state, fay, {
        type: 'moveToGroup',
        noteId: checkIn.noteId,
        groupId: otherStep,
      }),
    ).toBe('invalid_request');
  });

  it.each([
    ['a participant owner', { kind: 'participant', participantId: ids.ann }, '2026-12-01', 'ok'],
    ['the team', { kind: 'team', participantId: null }, null, 'ok'],
    ['an unknown owner', { kind: 'participant', participantId: newId() }, null, 'invalid_request'],
    ['a bad date', { kind: 'team', participantId: null }, '1 December', 'invalid_request'],
  ] as const)(
    '[X1] an action has text, an owner in the session or the team, and maybe a date: %s',
    (_label, owner, due, expected) => {
      expect(
        outcome(started(), fay, {
          type: 'addAction',
          actionId: newId(),
          text: 'Write the handover checklist',
          owner,
          due,
        }),
      ).toBe(expected);
    },
  );

  it('[X1] only facilitators record actions; text is 1–300 characters', () => {
    const owner = { kind: 'team', participantId: null } as const;
    expect(
      outcome(started(), ann, {
        type: 'addAction',
        actionId: newId(),
        text: 'x',
        owner,
        due: null,
      }),
    ).toBe('forbidden');
    expect(
      outcome(started(), fay, {
        type: 'addAction',
        actionId: newId(),
        text: 'x'.repeat(301),
        owner,
        due: null,
      }),
    ).toBe('invalid_request');
    const actionId = newId();
    let state = run(started(), fay, {
      type: 'addAction',
      actionId,
      text: 'Checklist',
      owner,
      due: null,
    });
    state = run(state, fay, {
      type: 'editAction',
      actionId,
      text: 'Checklist v2',
      owner: { kind: 'participant', participantId: ids.ben },
      due: '2026-12-24',
    });
    expect(state.actions[actionId]).toMatchObject({ text: 'Checklist v2', due: '2026-12-24' });
    state = run(state, fay, { type: 'removeAction', actionId });
    expect(state.actions[actionId]).toBeUndefined();
  });
});

describe('anonymous changes', () => {
  const whatNamed = run(at(started(), 'what'), fay, {
    type: 'setVisibility',
    stepId: 'what',
    visibility: 'named',
  });

  it('[N6] an anonymous note is held until the server releases it in a batch, shuffled', () => {
    const a = addNote(whatNamed, ann, 'what', 'from Ann', { anonymous: true, ownerHash: hash });
    const b = addNote(a.state, ben, 'what', 'from Ben', {
      anonymous: true,
      ownerHash: 'b'.repeat(64),
    });
    expect(b.state.notes[a.noteId]).toMatchObject({ hidden: true, held: true, authorId: null });
    expect(visibleNotes(b.state, ids.fay)).toEqual({});
    expect(facilitatorView(b.state).hiddenCounts).toEqual({});
    expect(
      outcome(b.state, fay, {
        type: 'settleHeld',
        pool: poolFor(b.state, { order: [b.noteId, a.noteId] }),
      }),
    ).toBe('forbidden');
    expect(
      outcome(b.state, system, {
        type: 'settleHeld',
        pool: poolFor(b.state, { order: [b.noteId] }),
      }),
    ).toBe('invalid_request');
    const released = run(
      b.state,
      system,
      { type: 'settleHeld', pool: poolFor(b.state, { order: [b.noteId, a.noteId] }) },
      t0 + 3000,
    );
    expect(Object.keys(visibleNotes(released, ids.fay)).sort()).toEqual(
      [a.noteId, b.noteId].sort(),
    );
    expect(released.notes[a.noteId]).toMatchObject({
      hidden: false,
      held: false,
      shownAt: t0 + 3000,
    });
  });

  it('[N6] an anonymous author’s edit or deletion of a shown note waits for the next batch', () => {
    const posted = addNote(whatNamed, ann, 'what', 'original', {
      anonymous: true,
      ownerHash: hash,
    });
    let state = run(posted.state, system, { type: 'settleHeld', pool: poolFor(posted.state) });
    state = run(state, ann, {
      type: 'editNote',
      noteId: posted.noteId,
      text: 'edited',
      proofHash: hash,
    });
    expect(state.notes[posted.noteId]).toMatchObject({
      text: 'original',
      pendingChange: { text: 'edited' },
    });
    state = run(state, system, { type: 'settleHeld', pool: poolFor(state) }, t0 + 5000);
    expect(state.notes[posted.noteId]).toMatchObject({
      text: 'edited',
      pendingChange: null,
      editedAt: t0 + 5000,
    });
    state = run(state, ann, { type: 'deleteNote', noteId: posted.noteId, proofHash: hash });
    expect(state.notes[posted.noteId]).toBeDefined();
    state = run(state, system, { type: 'settleHeld', pool: poolFor(state) });
    expect(state.notes[posted.noteId]).toBeUndefined();
  });

  it('[N6] a facilitator removing an anonymous note does so at once (it says nothing about the author)', () => {
    const posted = addNote(whatNamed, ann, 'what', 'x', { anonymous: true, ownerHash: hash });
    const shown = run(posted.state, system, { type: 'settleHeld', pool: poolFor(posted.state) });
    expect(
      events(shown, fay, { type: 'deleteNote', noteId: posted.noteId, proofHash: null })[0]?.type,
    ).toBe('NoteDeleted');
  });

  it('[V6] running a stage again while voting is open closes it with the real tallies', () => {
    let state = at(started(), 'so-what');
    state = run(state, fay, { type: 'setVisibility', stepId: 'so-what', visibility: 'named' });
    const note = addNote(state, ann, 'so-what');
    state = run(note.state, fay, {
      type: 'openVoting',
      stepId: 'so-what',
      budget: 3,
      maxPerNote: 1,
    });
    state = run(state, ben, { type: 'castVote', noteId: note.noteId });
    state = run(state, fay, { type: 'rerunStep' });
    expect(state.voting['so-what']).toMatchObject({
      status: 'closed',
      tallies: { [note.noteId]: 1 },
    });
  });
});

describe('decide is pure', () => {
  it('the same state, actor, command and time always give the same answer, and the state is not mutated', () => {
    const state = at(started(), 'check-in');
    const frozen = JSON.stringify(state);
    const command: SessionCommand = {
      type: 'addNote',
      noteId: newId(),
      stepId: 'check-in',
      text: 'x',
      anonymous: false,
      ownerHash: null,
    };
    expect(decide(state, ann, command, t0)).toEqual(decide(state, ann, command, t0));
    expect(JSON.stringify(state)).toBe(frozen);
  });
});
