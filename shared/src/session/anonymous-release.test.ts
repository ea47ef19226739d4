import { describe, expect, it } from 'vitest';
import { changesBatch, heldItems, scheduledSettlement } from './anonymous-release.ts';
import type { SessionState } from './state.ts';
import { facilitatorView, visibleNotes } from './selectors.ts';
import {
  addNote,
  ann,
  at,
  ben,
  cora,
  events,
  fay,
  ids,
  outcome,
  poolFor,
  run,
  started,
  system,
  t0,
} from './test-support/fixtures.ts';

const hashOf = (n: number) => String(n % 10).repeat(64);

/** `count` anonymous notes in the current step, alternating between Ann and Ben. */
function heldNotes(state: SessionState, stepId: string, count: number) {
  let next = state;
  const noteIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const posted = addNote(next, index % 2 === 0 ? ann : ben, stepId, `anonymous ${index}`, {
      anonymous: true,
      ownerHash: hashOf(index),
    });
    next = posted.state;
    noteIds.push(posted.noteId);
  }
  return { state: next, noteIds };
}

const anonymousStep = (state: SessionState, stepId = 'what') =>
  run(at(state, stepId), fay, { type: 'setVisibility', stepId, visibility: 'anonymous' });

const settle = (state: SessionState, authors: number, now = t0 + 3000) =>
  run(state, system, { type: 'settleHeld', pool: poolFor(state, { authors }) }, now);

describe('anonymous release', () => {
  it('[AR1] a batch leaves only once at least minBatch different people wrote it', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 4);
    expect(settle(state, 2)).toEqual(state);
    expect(settle(state, 1)).toEqual(state);
    const released = settle(state, 3);
    for (const noteId of noteIds) {
      expect(released.notes[noteId]).toMatchObject({ hidden: false, held: false });
    }
    expect(
      events(state, system, { type: 'settleHeld', pool: poolFor(state, { authors: 5 }) }),
    ).toHaveLength(1);
  });

  it('[AR1] a release shows the batch in the pool’s shuffled order, all at one moment', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 3);
    const order = [noteIds[2], noteIds[0], noteIds[1]] as string[];
    const [event] = events(
      state,
      system,
      { type: 'settleHeld', pool: poolFor(state, { order }) },
      t0 + 4000,
    );
    expect(event).toMatchObject({ type: 'NotesRevealed', stepId: null, noteIds: order });
  });

  it('[AR2] only the server releases; a reveal of an anonymous step releases nothing held', () => {
    const { state } = heldNotes(anonymousStep(started()), 'what', 3);
    expect(outcome(state, fay, { type: 'settleHeld', pool: poolFor(state) })).toBe('forbidden');
    expect(outcome(state, ann, { type: 'settleHeld', pool: poolFor(state) })).toBe('forbidden');
    expect(events(state, fay, { type: 'reveal', stepId: 'what', pool: poolFor(state) })).toEqual(
      [],
    );
    // Not even an empty event: a reveal that shows nothing writes nothing and tells nothing.
    expect(
      events(state, fay, { type: 'reveal', stepId: 'what', pool: poolFor(state, { authors: 9 }) }),
    ).toEqual([]);
  });

  it('[AR2] a release must order every held item', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 3);
    const partial = poolFor(state, { order: noteIds.slice(1) });
    expect(outcome(state, system, { type: 'settleHeld', pool: partial })).toBe('invalid_request');
    const doubled = poolFor(state, { order: [...noteIds, noteIds[0] as string] });
    expect(outcome(state, system, { type: 'settleHeld', pool: doubled })).toBe('invalid_request');
  });

  it('[AR3] when its step ends, a batch too small to leave goes back to its authors', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 2);
    const moved = at(state, 'so-what');
    expect(scheduledSettlement(state, poolFor(state, { authors: 2 })).returned).toEqual([]);
    const [event] = events(moved, system, {
      type: 'settleHeld',
      pool: poolFor(moved, { authors: 2 }),
    });
    expect(event).toEqual({ type: 'NotesReturned', noteIds, at: t0 });
    const after = settle(moved, 2, t0);
    expect(heldItems(after)).toEqual([]);
    for (const noteId of noteIds) {
      expect(after.notes[noteId]).toBeUndefined();
      expect(after.returned[noteId]).toBe(t0);
    }
  });

  it('[AR3] when its step ends, a batch big enough leaves; running the step again ends a round', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 3);
    const rerun = run(state, fay, { type: 'rerunStep' });
    const released = settle(rerun, 3);
    for (const noteId of noteIds) expect(released.notes[noteId]?.hidden).toBe(false);
    const returned = settle(rerun, 2);
    for (const noteId of noteIds) expect(returned.returned[noteId]).toBeDefined();
  });

  it('[AR7] an author’s change to a shown note waits in one session-wide batch, never given back in public', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 3);
    const shown = settle(state, 3);
    const noteId = noteIds[0] as string;
    const changed = run(shown, ann, {
      type: 'editNote',
      noteId,
      text: 'changed my mind',
      proofHash: hashOf(0),
    });
    expect(heldItems(changed).map((item) => item.batch)).toEqual([changesBatch]);
    expect(settle(changed, 1)).toEqual(changed);
    // The step ends: a lone change is neither applied nor given back; it goes on waiting.
    const moved = at(changed, 'so-what');
    expect(settle(moved, 1)).toEqual(moved);
    expect(moved.returned).toEqual({});
    // With three people's changes it leaves, whatever their notes' steps.
    expect(settle(moved, 3).notes[noteId]).toMatchObject({ text: 'changed my mind' });
  });

  it('[AR5] at the close, a lone deletion still applies and a lone edit is dropped, neither published', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 3);
    let shown = settle(state, 3);
    const [edited, deleted] = noteIds as [string, string];
    shown = run(shown, ann, {
      type: 'editNote',
      noteId: edited,
      text: 'edit',
      proofHash: hashOf(0),
    });
    shown = run(shown, ben, { type: 'deleteNote', noteId: deleted, proofHash: hashOf(1) });
    const closed = run(shown, fay, { type: 'closeSession', pool: poolFor(shown, { authors: 1 }) });
    expect(closed.notes[edited]).toMatchObject({ text: 'anonymous 0', pendingChange: null });
    expect(closed.notes[deleted]).toBeUndefined();
    expect(closed.returned).toEqual({});
  });

  it('[AR4] a hidden step’s anonymous notes wait for the reveal, which shows them with the named ones', () => {
    let state = at(started(), 'what');
    const named = addNote(state, ben, 'what', 'named but hidden');
    const held = heldNotes(named.state, 'what', 3);
    state = held.state;
    expect(settle(state, 3)).toEqual(state);
    const order = [held.noteIds[1], named.noteId, held.noteIds[0], held.noteIds[2]] as string[];
    const [event, ...rest] = events(state, fay, {
      type: 'reveal',
      stepId: 'what',
      pool: poolFor(state, { order }),
    });
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'NotesRevealed', stepId: 'what', noteIds: order });
  });

  it('[AR4] at a reveal, a batch of too few authors goes on waiting while the named notes show', () => {
    const named = addNote(at(started(), 'what'), ben, 'what', 'named but hidden');
    const held = heldNotes(named.state, 'what', 2);
    const revealed = run(held.state, fay, {
      type: 'reveal',
      stepId: 'what',
      pool: poolFor(held.state, { authors: 2 }),
    });
    expect(Object.keys(visibleNotes(revealed, ids.cora))).toEqual([named.noteId]);
    // Nothing is given back at the reveal: that would tell the facilitator what was waiting.
    expect(revealed.returned).toEqual({});
    for (const noteId of held.noteIds) expect(revealed.notes[noteId]?.held).toBe(true);
  });

  it('[AR1] a minimum batch of 1 sets no minimum, even for notes whose authors are not known', () => {
    const { state, noteIds } = heldNotes(anonymousStep(started()), 'what', 1);
    const pool = { ...poolFor(state, { authors: 0 }), minBatch: 1 };
    const released = run(state, system, { type: 'settleHeld', pool });
    expect(released.notes[noteIds[0] as string]?.hidden).toBe(false);
  });

  it('[AR8] at most 200 anonymous notes wait in one session', () => {
    let { state } = heldNotes(anonymousStep(started()), 'what', 40);
    for (const step of ['so-what', 'now-what'])
      state = heldNotes(anonymousStep(state, step), step, 40).state;
    expect(heldItems(state)).toHaveLength(120);
    const more = heldNotes(anonymousStep(state, 'so-what'), 'so-what', 30).state;
    const full = heldNotes(run(more, fay, { type: 'rerunStep' }), 'so-what', 50).state;
    expect(heldItems(full)).toHaveLength(200);
    expect(
      outcome(full, ann, {
        type: 'addNote',
        noteId: '20000000-0000-4000-8000-000000000001',
        stepId: 'so-what',
        text: 'one too many',
        anonymous: true,
        ownerHash: hashOf(7),
      }),
    ).toBe('conflict');
  });

  it('[AR5] closing settles everything held: enough authors leave, the rest go back', () => {
    const first = heldNotes(anonymousStep(started()), 'what', 3);
    const second = heldNotes(anonymousStep(first.state, 'so-what'), 'so-what', 2);
    const state = second.state;
    const pool = poolFor(state);
    const authors = { ...pool.authors, 'so-what#1': 1 };
    const closed = run(state, cora, { type: 'closeSession', pool: { ...pool, authors } });
    expect(closed.status).toBe('closed');
    for (const noteId of first.noteIds) expect(closed.notes[noteId]?.hidden).toBe(false);
    for (const noteId of second.noteIds) {
      expect(closed.notes[noteId]).toBeUndefined();
      expect(closed.returned[noteId]).toBeDefined();
    }
    expect(heldItems(closed)).toEqual([]);
  });

  it('[AR5] closing returns a hidden step’s anonymous notes that were never revealed', () => {
    const held = heldNotes(at(started(), 'what'), 'what', 3);
    const closed = run(held.state, fay, { type: 'closeSession', pool: poolFor(held.state) });
    for (const noteId of held.noteIds) expect(closed.returned[noteId]).toBeDefined();
    expect(
      outcome(held.state, fay, {
        type: 'closeSession',
        pool: poolFor(held.state, { order: [] }),
      }),
    ).toBe('invalid_request');
  });

  it('[AR6] facilitators are told no count of held anonymous notes, hidden step or not', () => {
    const hidden = heldNotes(at(started(), 'what'), 'what', 2);
    expect(facilitatorView(hidden.state).hiddenCounts).toEqual({});
    const named = addNote(hidden.state, ben, 'what', 'named');
    expect(facilitatorView(named.state).hiddenCounts).toEqual({ what: 1 });
    const anonymous = heldNotes(anonymousStep(started()), 'what', 2);
    expect(facilitatorView(anonymous.state).hiddenCounts).toEqual({});
  });
});
