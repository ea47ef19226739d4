import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { decideBoard } from './decide-board.ts';
import {
  closingEvents,
  decideAgreement,
  decideExpiry,
  decideFacilitation,
  decideRelease,
} from './decide-facilitation.ts';
import { decideNote } from './decide-notes.ts';
import { decideReview } from './decide-previous-actions.ts';
import { decideVote } from './decide-votes.ts';
import type { SessionState } from './state.ts';

/**
 * The session's rules: given the state, who asks, what they ask and the time, either the events
 * that follow or why not. Pure: no clock, randomness or I/O.
 */
export function decide(
  state: SessionState,
  actor: Actor,
  command: SessionCommand,
  now: number,
): Result<SessionEvent[]> {
  // [F4] A closed session takes no changes.
  if (state.status === 'closed') {
    return fail(ErrorCode.conflict, 'This session has ended; the board can no longer change.');
  }
  switch (command.type) {
    case 'addNote':
    case 'editNote':
    case 'deleteNote':
      return decideNote(state, actor, command, now);
    case 'acceptAgreement':
      return decideAgreement(state, actor, now);
    case 'expireTimer':
      return decideExpiry(state, actor, now);
    case 'releaseHeld':
      return decideRelease(state, actor, command.order, now);
    case 'openVoting':
    case 'castVote':
    case 'retractVote':
    case 'closeVoting':
      return decideVote(state, actor, command, now);
    case 'createGroup':
    case 'renameGroup':
    case 'deleteGroup':
    case 'moveToGroup':
    case 'addAction':
    case 'editAction':
    case 'removeAction':
      return decideBoard(state, actor, command, now);
    case 'reviewAction':
      return decideReview(state, actor, command, now);
    case 'closeAbandoned':
      // [RT5] Only the server closes an abandoned session; no person can use this to end one.
      return actor.kind === 'system'
        ? ok(closingEvents(state, now))
        : fail(ErrorCode.forbidden, 'Only a facilitator can end the session.');
    default:
      return decideFacilitation(state, actor, command, now);
  }
}
