import { ErrorCode, isFacilitating, teamCan } from '@reflectory/shared';
import type { SignedInUser } from '../db/auth-sessions-repository.ts';
import type { Store } from '../db/store.ts';
import type { SessionService } from '../sessions/session-service.ts';

export type ExportAccess =
  | { ok: true; teamId: string | null; actorUserId: string | null; actorName: string }
  | { ok: false; code: typeof ErrorCode.notFound | typeof ErrorCode.forbidden; message: string };

const notYours =
  'There is no such session, or its summary is not yours to see. Ask its facilitator.';
const facilitatorsOnly =
  'Only the session’s facilitators, and the members of its team, can see its summary.';

/**
 * Who may read a session's summary: its facilitators and co-facilitators (recognised by the
 * device cookie or the signed-in account they joined with, as for the board), and, for a team's
 * session, every member of the team [TM5]. Someone in the session with another role is refused
 * (403); anyone else is told there is no such session (404), so ids do not leak.
 */
export async function exportAccess(
  store: Store,
  sessions: SessionService,
  sessionId: string,
  who: { deviceHash: string | undefined; user: SignedInUser | undefined },
): Promise<ExportAccess> {
  const session = await store.sessions.findById(sessionId);
  if (!session) return { ok: false, code: ErrorCode.notFound, message: notYours };
  const participant = await sessions.participantFor(sessionId, who.deviceHash, who.user?.id);
  if (participant && isFacilitating(participant.role)) {
    return {
      ok: true,
      teamId: session.teamId,
      actorUserId: participant.userId,
      actorName: participant.displayName,
    };
  }
  if (session.teamId !== null && who.user) {
    const role = await store.teams.roleOf(session.teamId, who.user.id);
    if (role && teamCan(role, 'viewTeam')) {
      return {
        ok: true,
        teamId: session.teamId,
        actorUserId: who.user.id,
        actorName: who.user.displayName,
      };
    }
  }
  return participant
    ? { ok: false, code: ErrorCode.forbidden, message: facilitatorsOnly }
    : { ok: false, code: ErrorCode.notFound, message: notYours };
}
