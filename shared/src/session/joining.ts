import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import { Role } from './roles.ts';

/** What joining needs to know of a participant tied to the browser or account that asks. */
export interface JoinStanding {
  role: Role;
  removed: boolean;
}

export type JoinOutcome<P> = { kind: 'returning'; participant: P } | { kind: 'newcomer' };

export const removedFromSessionMessage = 'The facilitator removed you from this session.';

const observerMessage =
  'You are in this session as an observer, as the facilitator chose, so you cannot join it again as someone new. If you should take part, ask the facilitator to change your role.';

const facilitatorMessage =
  'This browser runs this session as its facilitator. To join as someone else, use a private window or another browser.';

/**
 * What `POST /api/join` does for a browser, or a signed-in account, that asks to join a session.
 * `current` is who the browser is there now (its device's participant, else its account's
 * latest); `linked` is every participant its account has there. Whoever the facilitator restricted
 * stays restricted however they come back, from the same browser or with the same account:
 *
 * [RJ1] A removed person is refused, as themselves and as someone new, while any participant
 *       tied to the browser or the account was removed.
 * [RJ2] A browser or account that is an observer in the session may not join it as someone new:
 *       the newcomer would be a participant, undoing the facilitator's choice of role.
 * [RJ3] The facilitator's browser may not join as someone new: it would leave the session without
 *       its facilitator.
 * [RJ4] Otherwise a browser already in the session comes back as the same participant, unless it
 *       asks to join as someone new; anyone else joins as a new participant.
 */
export function decideJoin<P extends JoinStanding>(input: {
  current: P | undefined;
  linked: readonly JoinStanding[];
  asNewParticipant: boolean;
}): Result<JoinOutcome<P>> {
  const { current, asNewParticipant } = input;
  const tied = current ? [current, ...input.linked] : input.linked;
  if (current?.removed) return fail(ErrorCode.forbidden, removedFromSessionMessage);
  if (current && !asNewParticipant) return ok({ kind: 'returning', participant: current });
  if (current?.role === Role.facilitator) return fail(ErrorCode.conflict, facilitatorMessage);
  if (tied.some((standing) => standing.removed)) {
    return fail(ErrorCode.forbidden, removedFromSessionMessage);
  }
  if (tied.some((standing) => standing.role === Role.observer)) {
    return fail(ErrorCode.forbidden, observerMessage);
  }
  return ok({ kind: 'newcomer' });
}
