import type { Membership } from '@reflectory/shared';
import type { ApiResult } from '../../api/http.ts';
import { fetchMembership } from '../../api/sessions-api.ts';
import { useServerAnswer } from '../../api/use-server-answer.ts';

export type MembershipState =
  | { kind: 'loading' }
  | { kind: 'member'; membership: Membership }
  | { kind: 'outsider'; message: string }
  | { kind: 'missing'; message: string }
  | { kind: 'failed'; message: string };

function stateOf(result: ApiResult<Membership>): MembershipState {
  if (result.ok) return { kind: 'member', membership: result.data };
  if (result.status === 401) return { kind: 'outsider', message: result.error.message };
  if (result.status === 404) return { kind: 'missing', message: result.error.message };
  return { kind: 'failed', message: result.error.message };
}

/** Who this browser is in the session, asked of the server (the device cookie says it). */
export function useMembership(sessionId: string): { state: MembershipState; reload: () => void } {
  return useServerAnswer(sessionId, fetchMembership, stateOf);
}
