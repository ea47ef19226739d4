import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { requireContributor, requireFacilitating, roundOf, stepById } from './guards.ts';
import type { SessionState, VotingState } from './state.ts';

export const voteBudgetMax = 20;

type VoteCommand = Extract<
  SessionCommand,
  { type: 'openVoting' | 'castVote' | 'retractVote' | 'closeVoting' }
>;

export function votesBy(
  voting: VotingState,
  participantId: string,
): Readonly<Record<string, number>> {
  return voting.cast[participantId] ?? {};
}

export function votesUsed(voting: VotingState, participantId: string): number {
  return Object.values(votesBy(voting, participantId)).reduce((sum, count) => sum + count, 0);
}

/** Counts per note from the votes cast: the only thing about votes that ever leaves the server. */
export function tally(voting: VotingState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const byNote of Object.values(voting.cast)) {
    for (const [noteId, count] of Object.entries(byNote)) {
      if (count > 0) counts[noteId] = (counts[noteId] ?? 0) + count;
    }
  }
  return counts;
}

/**
 * Closes whichever of `stepIds` has voting open, each with its tallies ([V6]). The tallies travel in
 * the event because individual votes are never written to the event log: once voting has closed,
 * its counts are all that is kept of it.
 */
export function closeOpenVoting(
  state: SessionState,
  stepIds: readonly string[],
  now: number,
): SessionEvent[] {
  return stepIds.flatMap((stepId) => {
    const voting = state.voting[stepId];
    return voting?.status === 'open'
      ? [{ type: 'VotingClosed' as const, stepId, tallies: tally(voting), at: now }]
      : [];
  });
}

export function decideVote(
  state: SessionState,
  actor: Actor,
  command: VoteCommand,
  now: number,
): Result<SessionEvent[]> {
  switch (command.type) {
    case 'openVoting': {
      const refused = requireFacilitating(state, actor);
      if (refused) return refused;
      const step = stepById(state, command.stepId);
      // [V1] Voting opens only on a stage where voting applies.
      if (!step || step.kind !== 'stage' || !step.voting) {
        return fail(ErrorCode.invalidRequest, 'Voting does not apply to this step.');
      }
      if (state.voting[step.id]?.status === 'open')
        return fail(ErrorCode.conflict, 'Voting is already open.');
      if (
        !Number.isInteger(command.budget) ||
        command.budget < 1 ||
        command.budget > voteBudgetMax
      ) {
        return fail(
          ErrorCode.invalidRequest,
          `Each person can have between 1 and ${voteBudgetMax} votes.`,
        );
      }
      if (
        !Number.isInteger(command.maxPerNote) ||
        command.maxPerNote < 1 ||
        command.maxPerNote > command.budget
      ) {
        return fail(ErrorCode.invalidRequest, 'Votes per note must be between 1 and the budget.');
      }
      return ok([
        {
          type: 'VotingOpened',
          stepId: step.id,
          round: roundOf(state, step.id),
          budget: command.budget,
          maxPerNote: command.maxPerNote,
          at: now,
        },
      ]);
    }
    case 'castVote':
    case 'retractVote': {
      const refused = requireContributor(state, actor);
      if (refused) return refused;
      if (actor.kind !== 'person') return fail(ErrorCode.forbidden, 'Only people vote.');
      const note = state.notes[command.noteId];
      if (!note || note.hidden) return fail(ErrorCode.notFound, 'That note is not on the board.');
      const voting = state.voting[note.stepId];
      // [V4] Votes go only to visible notes of a step whose voting is open, in its current round.
      if (!voting || voting.status !== 'open' || note.round !== voting.round) {
        return fail(ErrorCode.conflict, 'Voting is not open for this note.');
      }
      const mine = votesBy(voting, actor.participantId)[command.noteId] ?? 0;
      if (command.type === 'retractVote') {
        // [V5] You can take back only a vote you cast.
        if (mine === 0)
          return fail(ErrorCode.conflict, 'You have no vote on this note to take back.');
        return ok([
          {
            type: 'VoteRetracted',
            stepId: note.stepId,
            participantId: actor.participantId,
            noteId: command.noteId,
            at: now,
          },
        ]);
      }
      // [V2] A vote beyond the budget is refused.
      if (votesUsed(voting, actor.participantId) >= voting.budget) {
        return fail(ErrorCode.conflict, `You have used all ${voting.budget} of your votes.`);
      }
      // [V3] A vote beyond the per-note limit is refused.
      if (mine >= voting.maxPerNote) {
        return fail(
          ErrorCode.conflict,
          voting.maxPerNote === 1
            ? 'You have already voted for this note.'
            : `At most ${voting.maxPerNote} votes per note.`,
        );
      }
      return ok([
        {
          type: 'VoteCast',
          stepId: note.stepId,
          participantId: actor.participantId,
          noteId: command.noteId,
          at: now,
        },
      ]);
    }
    case 'closeVoting': {
      const refused = requireFacilitating(state, actor);
      if (refused) return refused;
      const voting = state.voting[command.stepId];
      if (!voting || voting.status !== 'open')
        return fail(ErrorCode.conflict, 'Voting is not open on this step.');
      // [V6] Tallies appear when voting closes, and they equal the votes cast.
      return ok(closeOpenVoting(state, [command.stepId], now));
    }
  }
}
