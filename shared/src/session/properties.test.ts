import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { decide } from './decide.ts';
import { tally } from './decide-votes.ts';
import { evolve } from './evolve.ts';
import { facilitatorView, privateView, visibleNotes } from './selectors.ts';
import type { SessionState } from './state.ts';
import {
  ann,
  ben,
  cora,
  fay,
  ids,
  noPool,
  olga,
  poolFor,
  started,
  t0,
} from './test-support/fixtures.ts';

/** Seeded, so a failure reproduces; change the seed to explore further. */
const runs = { seed: 20261121, numRuns: 300 };

const actors: Actor[] = [fay, cora, ann, ben, olga];
const noteIds = Array.from({ length: 6 }, (_, i) => `20000000-0000-4000-8000-00000000000${i}`);
const groupIds = ['30000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002'];
const stepIds = ['check-in', 'what', 'so-what', 'now-what', 'check-out'];

/** Stands for "the step the session is in when the command runs". */
const current = '@current';

/** Fills in what depends on the state at the moment a generated command runs. */
function resolve(state: SessionState, command: SessionCommand): SessionCommand {
  if (command.type === 'addNote' && command.stepId === current) {
    return { ...command, stepId: state.steps[state.currentStep]?.id ?? 'lobby' };
  }
  if (command.type === 'closeSession') return { ...command, pool: poolFor(state) };
  if (command.type === 'reveal') {
    const hidden = Object.entries(state.notes)
      .filter(([, note]) => note.hidden || note.held || note.pendingChange !== null)
      .map(([id]) => id);
    return { ...command, pool: poolFor(state, { order: hidden.reverse() }) };
  }
  return command;
}

/** Commands drawn from a small pool of ids, so that they often refer to the same notes. */
function commandArbitrary(): fc.Arbitrary<SessionCommand> {
  const noteId = fc.constantFrom(...noteIds);
  const stepId = fc.constantFrom(...stepIds);
  const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
  return fc.oneof(
    weighted(
      6,
      fc.record({
        type: fc.constant('addNote' as const),
        noteId,
        stepId: fc.constant(current),
        text: fc.constantFrom('short', 'a longer note', ' padded '),
        anonymous: fc.boolean(),
        ownerHash: fc.constant('a'.repeat(64)),
      }),
    ),
    weighted(
      1,
      fc.record({
        type: fc.constant('editNote' as const),
        noteId,
        text: fc.string({ minLength: 1, maxLength: 20 }),
        proofHash: fc.constantFrom(null, 'a'.repeat(64)),
      }),
    ),
    weighted(
      1,
      fc.record({
        type: fc.constant('deleteNote' as const),
        noteId,
        proofHash: fc.constantFrom(null, 'a'.repeat(64)),
      }),
    ),
    weighted(
      3,
      fc.record({
        type: fc.constant('goToStep' as const),
        stepIndex: fc.integer({ min: 0, max: 9 }),
      }),
    ),
    weighted(
      1,
      fc.record({
        type: fc.constant('setVisibility' as const),
        stepId,
        visibility: fc.constantFrom('named' as const, 'anonymous' as const, 'hidden' as const),
      }),
    ),
    weighted(
      1,
      stepId.map((id) => ({
        type: 'reveal' as const,
        stepId: id,
        pool: { order: [] as string[], authors: {}, minBatch: 3 },
      })),
    ),
    weighted(
      3,
      fc.record({
        type: fc.constant('openVoting' as const),
        stepId,
        budget: fc.integer({ min: 1, max: 4 }),
        maxPerNote: fc.integer({ min: 1, max: 2 }),
      }),
    ),
    weighted(6, fc.record({ type: fc.constant('castVote' as const), noteId })),
    weighted(1, fc.record({ type: fc.constant('retractVote' as const), noteId })),
    weighted(2, fc.record({ type: fc.constant('closeVoting' as const), stepId })),
    weighted(
      1,
      fc.record({
        type: fc.constant('createGroup' as const),
        groupId: fc.constantFrom(...groupIds),
        stepId,
        title: fc.constant('Theme'),
      }),
    ),
    weighted(
      1,
      fc.record({
        type: fc.constant('moveToGroup' as const),
        noteId,
        groupId: fc.constantFrom(null, ...groupIds),
      }),
    ),
    weighted(1, fc.constant({ type: 'rerunStep' as const })),
    weighted(1, fc.record({ type: fc.constant('setLocked' as const), locked: fc.boolean() })),
    weighted(
      1,
      fc.record({
        type: fc.constant('startTimer' as const),
        durationMs: fc.constantFrom(null, 60_000),
      }),
    ),
    weighted(1, fc.constant({ type: 'pauseTimer' as const })),
    weighted(
      1,
      fc.record({
        type: fc.constant('setRole' as const),
        participantId: fc.constantFrom(ids.ann, ids.cora),
        role: fc.constantFrom('co-facilitator' as const, 'participant' as const),
      }),
    ),
  );
}

/** Runs random steps from a started session, checking `check` after every accepted command. */
function explore(
  check: (state: SessionState, before: SessionState, actor: Actor, command: SessionCommand) => void,
) {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...actors), commandArbitrary()), {
        minLength: 5,
        maxLength: 60,
        size: 'max',
      }),
      (steps) => {
        let state = started();
        let now = t0;
        for (const [actor, generated] of steps) {
          now += 1000;
          const command = resolve(state, generated);
          const result = decide(state, actor, command, now);
          if (!result.ok) continue;
          const before = state;
          state = result.data.reduce(evolve, state);
          check(state, before, actor, command);
        }
      },
    ),
    runs,
  );
}

describe('session invariants (seeded property tests)', () => {
  it('[V6] tallies always equal the votes cast, and no one exceeds their budget', () => {
    let votesSeen = 0;
    let closedSeen = 0;
    explore((state) => {
      for (const voting of Object.values(state.voting)) {
        votesSeen += Object.keys(voting.cast).length;
        if (voting.status === 'closed') closedSeen += 1;
        const counted = tally(voting);
        if (voting.status === 'closed' && voting.tallies !== null)
          expect(voting.tallies).toEqual(counted);
        const sum = Object.values(counted).reduce((a, b) => a + b, 0);
        const cast = Object.values(voting.cast)
          .flatMap((byNote) => Object.values(byNote))
          .reduce((a, b) => a + b, 0);
        expect(sum).toBe(cast);
        for (const byNote of Object.values(voting.cast)) {
          expect(Object.values(byNote).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
            voting.budget,
          );
          for (const count of Object.values(byNote))
            expect(count).toBeLessThanOrEqual(voting.maxPerNote);
        }
      }
    });
    // The exploration must actually reach votes and closed votings, or the property proves nothing.
    expect(votesSeen).toBeGreaterThan(0);
    expect(closedSeen).toBeGreaterThan(0);
  });

  it('[V7] the event log without individual votes keeps every closed voting’s tallies', () => {
    let closedSeen = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...actors), commandArbitrary()), {
          minLength: 5,
          maxLength: 60,
          size: 'max',
        }),
        fc.boolean(),
        (steps, endSession) => {
          let state = started();
          const log: SessionEvent[] = [];
          let now = t0;
          const closing: SessionCommand = { type: 'closeSession', pool: noPool };
          const commands = steps.concat(endSession ? [[fay, closing]] : []);
          for (const [actor, generated] of commands) {
            now += 1000;
            const result = decide(state, actor, resolve(state, generated), now);
            if (!result.ok) continue;
            log.push(...result.data);
            state = result.data.reduce(evolve, state);
          }
          // What the server stores: everything but the votes themselves.
          const stored = log
            .filter((event) => event.type !== 'VoteCast' && event.type !== 'VoteRetracted')
            .reduce(evolve, started());
          for (const [stepId, voting] of Object.entries(state.voting)) {
            if (voting.status !== 'closed') continue;
            closedSeen += 1;
            expect(stored.voting[stepId]).toMatchObject({
              status: 'closed',
              round: voting.round,
              tallies: voting.tallies,
            });
          }
          if (endSession) {
            expect(Object.values(state.voting).every((v) => v.status === 'closed')).toBe(true);
          }
        },
      ),
      runs,
    );
    expect(closedSeen).toBeGreaterThan(0);
  });

  it('[H1] a hidden note is in no one else’s view before it is revealed', () => {
    let hiddenSeen = 0;
    explore((state) => {
      for (const [noteId, note] of Object.entries(state.notes)) {
        if (!note.hidden) continue;
        hiddenSeen += 1;
        for (const viewer of Object.keys(state.participants)) {
          if (viewer === note.authorId) continue;
          expect(visibleNotes(state, viewer)[noteId]).toBeUndefined();
          expect(JSON.stringify(privateView(state, viewer))).not.toContain(noteId);
        }
        expect(JSON.stringify(facilitatorView(state))).not.toContain(noteId);
      }
    });
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it('[F2] going back and forth between steps loses nothing', () => {
    explore((state, before, _actor, command) => {
      if (command.type !== 'goToStep') return;
      expect(state.notes).toEqual(before.notes);
      expect(state.groups).toEqual(before.groups);
      expect(state.actions).toEqual(before.actions);
      expect(state.accepted).toEqual(before.accepted);
      for (const [stepId, voting] of Object.entries(before.voting))
        expect(state.voting[stepId]).toEqual(voting);
    });
  });

  it('[F1] every command that needs a facilitator is refused from a participant or an observer', () => {
    const facilitatorOnly = new Set([
      'goToStep',
      'rerunStep',
      'setVisibility',
      'reveal',
      'setLocked',
      'spotlight',
      'startTimer',
      'pauseTimer',
      'extendTimer',
      'resetTimer',
      'openVoting',
      'closeVoting',
      'createGroup',
      'renameGroup',
      'deleteGroup',
      'moveToGroup',
      'addAction',
      'editAction',
      'removeAction',
      'setRole',
      'closeSession',
    ]);
    const commands = commandArbitrary().filter((command) => facilitatorOnly.has(command.type));
    fc.assert(
      fc.property(fc.constantFrom(ben, olga), commands, (actor, command) => {
        const state = started();
        const result = decide(state, actor, resolve(state, command), t0);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('forbidden');
      }),
      runs,
    );
  });

  it('[N5] an anonymous note never holds its author, whoever posts it and however', () => {
    explore((state) => {
      for (const note of Object.values(state.notes)) {
        if (note.ownerHash !== null) expect(note.authorId).toBeNull();
      }
    });
  });
});
