import { describe, expect, it } from 'vitest';
import { initialState, withParticipant } from './evolve.ts';
import type { SessionState } from './state.ts';
import { outcomeOf, summarize, summaryFromOutcome, teamOwnerName } from './summary.ts';
import {
  addNote,
  ann,
  at,
  ben,
  fay,
  ids,
  model,
  newId,
  run,
  started,
  system,
  t0,
  poolFor,
} from './test-support/fixtures.ts';

const annHash = 'a'.repeat(64);
const benHash = 'b'.repeat(64);

const texts = {
  named: 'The handover was rushed',
  anonymous: 'I felt unheard in the meeting',
  grouped: 'Nobody owned the checklist',
  voted: 'We could pair up on nights',
  hidden: 'A worry I never showed anyone',
  held: 'An anonymous thought still waiting',
  checkIn: 'Tired but here',
};

/**
 * A What? So what? Now what? session: a named and an anonymous note in "What?", two revealed notes
 * in "So what?" with a theme and a closed vote, and in "Now what?" a hidden note never revealed
 * and an anonymous note still held.
 */
function session(): { state: SessionState; groupId: string } {
  let state = at(started(), 'check-in');
  state = addNote(state, ann, 'check-in', texts.checkIn).state;

  state = at(state, 'what');
  state = run(state, fay, { type: 'setVisibility', stepId: 'what', visibility: 'named' });
  state = addNote(state, ann, 'what', texts.named).state;
  const anonymous = addNote(state, ben, 'what', texts.anonymous, {
    anonymous: true,
    ownerHash: benHash,
  });
  state = run(anonymous.state, system, { type: 'settleHeld', pool: poolFor(anonymous.state) });

  state = at(state, 'so-what');
  const grouped = addNote(state, ann, 'so-what', texts.grouped);
  const voted = addNote(grouped.state, ben, 'so-what', texts.voted);
  state = run(voted.state, fay, {
    type: 'reveal',
    stepId: 'so-what',
    pool: poolFor(voted.state, { order: [grouped.noteId, voted.noteId] }),
  });
  const groupId = newId();
  state = run(state, fay, { type: 'createGroup', groupId, stepId: 'so-what', title: 'Ownership' });
  state = run(state, fay, { type: 'moveToGroup', noteId: grouped.noteId, groupId });
  state = run(state, fay, { type: 'openVoting', stepId: 'so-what', budget: 3, maxPerNote: 2 });
  state = run(state, ann, { type: 'castVote', noteId: voted.noteId });
  state = run(state, ann, { type: 'castVote', noteId: voted.noteId });
  state = run(state, ben, { type: 'castVote', noteId: grouped.noteId });
  state = run(state, fay, { type: 'closeVoting', stepId: 'so-what' });

  state = at(state, 'now-what');
  state = run(state, fay, { type: 'setVisibility', stepId: 'now-what', visibility: 'hidden' });
  state = addNote(state, ann, 'now-what', texts.hidden).state;
  state = addNote(state, ann, 'now-what', texts.held, {
    anonymous: true,
    ownerHash: annHash,
  }).state;

  state = run(state, fay, {
    type: 'addAction',
    actionId: newId(),
    text: 'Write the handover checklist',
    owner: { kind: 'participant', participantId: ids.ann },
    due: '2026-12-01',
  });
  state = run(state, fay, {
    type: 'addAction',
    actionId: newId(),
    text: 'Review nights rota',
    owner: { kind: 'team', participantId: null },
    due: null,
  });
  return { state, groupId };
}

const meta = { sessionId: '20000000-0000-4000-8000-000000000001', createdAt: t0, closedAt: null };

describe('session summary', () => {
  it('has the model, its stages with their prompts, counts and actions', () => {
    const summary = summarize(session().state, meta);
    expect(summary).toMatchObject({
      title: 'Test',
      modelName: 'What? So what? Now what?',
      status: 'open',
      createdAt: new Date(t0).toISOString(),
      closedAt: null,
      notesDeleted: null,
      counts: { participants: 5, notes: 4 },
    });
    expect(summary.stages.map((stage) => stage.id)).toEqual(['what', 'so-what', 'now-what']);
    expect(summary.stages[0]?.prompts.length).toBeGreaterThan(0);
    expect(summary.actions).toEqual([
      { text: 'Write the handover checklist', owner: 'Ann', due: '2026-12-01' },
      { text: 'Review nights rota', owner: teamOwnerName, due: null },
    ]);
  });

  it('[EX1] hidden notes and held anonymous notes are never in a summary', () => {
    const summary = summarize(session().state, meta);
    const json = JSON.stringify(summary);
    expect(json).not.toContain(texts.hidden);
    expect(json).not.toContain(texts.held);
    expect(summary.stages[2]).toMatchObject({ noteCount: 0, notes: [] });
  });

  it('[EX2] a named note carries its author; an anonymous note has no author field at all', () => {
    const what = summarize(session().state, meta).stages[0];
    const named = what?.notes.find((note) => note.text === texts.named);
    const anonymous = what?.notes.find((note) => note.text === texts.anonymous);
    expect(named).toMatchObject({ author: 'Ann', theme: null, votes: null });
    expect(anonymous).toBeDefined();
    expect(Object.keys(anonymous ?? {})).not.toContain('author');
  });

  it('[EX2] a released batch is listed by note id, never in the order its authors posted it', () => {
    let state = at(started(), 'what');
    state = run(state, fay, { type: 'setVisibility', stepId: 'what', visibility: 'anonymous' });
    // Ids that sort against the posting order, so the posting order cannot pass for the id order.
    const posted = [9, 7, 8, 5, 6].map((n) => `20000000-0000-4000-8000-00000000000${n}`);
    for (const [index, noteId] of posted.entries()) {
      state = run(state, index % 2 === 0 ? ann : ben, {
        type: 'addNote',
        noteId,
        stepId: 'what',
        text: `batch note ${index}`,
        anonymous: true,
        ownerHash: String(index).repeat(64),
      });
    }
    state = run(state, system, { type: 'settleHeld', pool: poolFor(state, { order: posted }) });
    const listed = summarize(state, { sessionId: 's', createdAt: t0, closedAt: null })
      .stages.find((stage) => stage.id === 'what')
      ?.notes.map((note) => posted[Number(note.text.slice(-1))]);
    expect(listed).toEqual([...posted].sort());
  });

  it('[EX2] a named note by someone since removed keeps a name, never the id', () => {
    let state = session().state;
    state = run(state, fay, { type: 'removeParticipant', participantId: ids.ann });
    const fallback = summarize(state, meta).stages[0]?.notes[0];
    expect(fallback?.author).toBe('A person no longer in the session');
    const named = summarize(state, { ...meta, names: { [ids.ann]: 'Ann' } }).stages[0]?.notes[0];
    expect(named?.author).toBe('Ann');
  });

  it('themes and tallies come from the closed vote, themes first, most votes first', () => {
    const soWhat = summarize(session().state, meta).stages[1];
    expect(soWhat).toMatchObject({
      noteCount: 2,
      votes: 3,
      themes: [{ title: 'Ownership', noteCount: 1, votes: 1 }],
    });
    expect(soWhat?.notes).toEqual([
      { text: texts.grouped, theme: 'Ownership', votes: 1, round: 1, author: 'Ann' },
      { text: texts.voted, theme: null, votes: 2, round: 1, author: 'Ben' },
    ]);
  });

  it('[EX4] check-in and check-out notes are not summarised', () => {
    expect(JSON.stringify(summarize(session().state, meta))).not.toContain(texts.checkIn);
  });

  it('[EX3] what retention keeps holds no note text, but themes, counts, tallies and actions', () => {
    const state = session().state;
    const summary = summarize(run(state, fay, { type: 'closeSession', pool: poolFor(state) }), {
      ...meta,
      closedAt: t0 + 1000,
    });
    const deleted = { at: new Date(t0 + 2000).toISOString(), retentionDays: 0 };
    const outcome = outcomeOf(summary, deleted);
    const after = summaryFromOutcome(meta.sessionId, outcome);
    for (const text of Object.values(texts)) {
      expect(JSON.stringify(outcome)).not.toContain(text);
      expect(JSON.stringify(after)).not.toContain(text);
    }
    expect(after).toMatchObject({
      status: 'closed',
      notesDeleted: deleted,
      counts: summary.counts,
      actions: summary.actions,
    });
    expect(after.stages[1]).toMatchObject({
      noteCount: 2,
      votes: 3,
      themes: [{ title: 'Ownership', noteCount: 1, votes: 1 }],
      notes: [],
    });
  });

  it('lists the actions carried over from earlier sessions with what this session decided', () => {
    const carried = {
      id: '30000000-0000-4000-8000-000000000001',
      text: 'Try a buddy system on nights',
      ownerName: 'Ben',
      due: '2026-11-01',
      fromSessionTitle: 'October',
      history: [],
    };
    const teamOwned = { ...carried, id: '30000000-0000-4000-8000-000000000002', ownerName: null };
    let state = initialState({
      title: 'November',
      model: model(),
      previousActions: [carried, teamOwned],
    });
    state = withParticipant(state, ids.fay, 'Fay', 'facilitator');
    state = run(state, fay, {
      type: 'reviewAction',
      actionId: carried.id,
      outcome: 'carried',
      note: 'Tried twice, rota clashed',
    });
    expect(summarize(state, meta).previousActions).toEqual([
      {
        text: carried.text,
        owner: 'Ben',
        due: '2026-11-01',
        decision: 'carried',
        note: 'Tried twice, rota clashed',
      },
      { text: carried.text, owner: teamOwnerName, due: '2026-11-01', decision: null, note: null },
    ]);
  });
});
