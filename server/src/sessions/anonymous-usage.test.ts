import {
  decide,
  evolve,
  findModel,
  initialState,
  withParticipant,
  type Actor,
  type SessionCommand,
  type SessionState,
} from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import { AnonymousUsage } from './anonymous-usage.ts';

const fay = '00000000-0000-4000-8000-00000000000f';
const ann = '00000000-0000-4000-8000-00000000000a';
const hash = 'a'.repeat(64);
let next = 0;
const newId = () => `20000000-0000-4000-8000-${(next += 1).toString(16).padStart(12, '0')}`;

function apply(state: SessionState, participantId: string, command: SessionCommand) {
  const actor: Actor = { kind: 'person', participantId };
  const result = decide(state, actor, command, 1_800_000_000_000);
  if (!result.ok) throw new Error(result.error.message);
  return result.data.reduce(evolve, state);
}

/** A session at its first step that takes notes, anonymous there, with Ann having accepted. */
function session(): SessionState {
  const model = findModel('what-so-what-now-what');
  if (!model) throw new Error('no model');
  let state = initialState({ title: 'T', model });
  state = withParticipant(state, fay, 'Fay', 'facilitator');
  state = withParticipant(state, ann, 'Ann', 'participant');
  state = apply(state, ann, { type: 'acceptAgreement' });
  const stepIndex = state.steps.findIndex((step) => step.id === 'what');
  state = apply(state, fay, { type: 'goToStep', stepIndex });
  return apply(state, fay, { type: 'setVisibility', stepId: 'what', visibility: 'anonymous' });
}

function addNote(text: string, anonymous: boolean): SessionCommand {
  return {
    type: 'addNote',
    noteId: newId(),
    stepId: 'what',
    text,
    anonymous,
    ownerHash: anonymous ? hash : null,
  };
}

describe('anonymous usage, counted by the shell', () => {
  it('counts a person’s anonymous notes per step round, and their characters', () => {
    const usage = new AnonymousUsage();
    let state = session();
    for (const text of ['first', 'second']) {
      const command = addNote(text, true);
      const after = apply(state, ann, command);
      usage.record(ann, command, state, after);
      state = after;
    }
    expect(usage.of(ann, state)).toEqual({ notesThisRound: 2, characters: 11 });
    expect(usage.of(fay, state)).toEqual({ notesThisRound: 0, characters: 0 });
    const rerun = apply(state, fay, { type: 'rerunStep' });
    expect(usage.of(ann, rerun)).toEqual({ notesThisRound: 0, characters: 11 });
  });

  it('counts nothing for a command that changed nothing, such as a retry', () => {
    const usage = new AnonymousUsage();
    const state = session();
    const command = addNote('once', true);
    const after = apply(state, ann, command);
    usage.record(ann, command, state, after);
    usage.record(ann, command, after, after);
    expect(usage.of(ann, after).notesThisRound).toBe(1);
  });

  it('leaves named notes to the state, which knows their author', () => {
    const usage = new AnonymousUsage();
    const state = apply(session(), fay, {
      type: 'setVisibility',
      stepId: 'what',
      visibility: 'named',
    });
    const command = addNote('named', false);
    usage.record(ann, command, state, apply(state, ann, command));
    expect(usage.of(ann, state)).toEqual({ notesThisRound: 0, characters: 0 });
  });

  it('counts the growth of an anonymous note its author edits, not its shrinking', () => {
    const usage = new AnonymousUsage();
    const state = session();
    const add = addNote('short', true);
    const posted = apply(state, ann, add);
    usage.record(ann, add, state, posted);
    const noteId = add.type === 'addNote' ? add.noteId : '';
    const grow: SessionCommand = { type: 'editNote', noteId, text: 'much longer', proofHash: hash };
    const grown = apply(posted, ann, grow);
    usage.record(ann, grow, posted, grown);
    expect(usage.of(ann, grown).characters).toBe(11);
    const shrink: SessionCommand = { type: 'editNote', noteId, text: 'x', proofHash: hash };
    usage.record(ann, shrink, grown, apply(grown, ann, shrink));
    expect(usage.of(ann, grown).characters).toBe(11);
  });
});
