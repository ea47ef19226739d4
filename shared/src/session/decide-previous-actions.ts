import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { requireFacilitating } from './guards.ts';
import { ReviewOutcome, reviewNoteMax } from './previous-actions.ts';
import type { SessionState } from './state.ts';

type ReviewCommand = Extract<SessionCommand, { type: 'reviewAction' }>;

/**
 * [C3] Carrying an action on needs a note on what happened when it was tried, 1–500 characters
 * after trimming; done and dropped take one optionally (blank means none).
 */
export function checkReviewNote(
  outcome: ReviewOutcome,
  note: string | null,
): Result<string | null> {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length === 0) {
    return outcome === ReviewOutcome.carried
      ? fail(
          ErrorCode.invalidRequest,
          'To carry an action on, say what happened when it was tried.',
        )
      : ok(null);
  }
  const length = [...trimmed].length;
  if (length > reviewNoteMax) {
    return fail(
      ErrorCode.invalidRequest,
      `A note on an action can be at most ${reviewNoteMax} characters; this one has ${length.toLocaleString('en-GB')}.`,
    );
  }
  return ok(trimmed);
}

/** The group's decision on an action from an earlier session: done, carried on or dropped. */
export function decideReview(
  state: SessionState,
  actor: Actor,
  command: ReviewCommand,
  now: number,
): Result<SessionEvent[]> {
  // [C1] Only facilitators and co-facilitators record the group's decision.
  const refused = requireFacilitating(state, actor);
  if (refused) return refused;
  // [C2] The action must be one this session reviews.
  const action = state.previousActions.find((candidate) => candidate.id === command.actionId);
  if (!action) {
    return fail(ErrorCode.notFound, 'That action is not among this session’s previous actions.');
  }
  const note = checkReviewNote(command.outcome, command.note);
  if (!note.ok) return note;
  // [C4] A decision can be changed while the session is open; the same decision again changes nothing.
  if (action.decision?.outcome === command.outcome && action.decision.note === note.data) {
    return ok([]);
  }
  return ok([
    {
      type: 'PreviousActionReviewed',
      actionId: action.id,
      outcome: command.outcome,
      note: note.data,
      at: now,
    },
  ]);
}
