import type { Membership } from '@reflectory/shared';
import { useEffect, useState } from 'react';
import { fetchMembership } from '../../api/sessions-api.ts';

export type MembershipState =
  | { kind: 'loading' }
  | { kind: 'member'; membership: Membership }
  | { kind: 'outsider'; message: string }
  | { kind: 'missing'; message: string }
  | { kind: 'failed'; message: string };

/** Who this browser is in the session, asked of the server (the device cookie says it). */
export function useMembership(sessionId: string): { state: MembershipState; reload: () => void } {
  const [answer, setAnswer] = useState<{ key: string; state: MembershipState }>();
  const [attempt, setAttempt] = useState(0);
  const key = `${sessionId}#${attempt}`;

  useEffect(() => {
    let current = true;
    void fetchMembership(sessionId).then((result) => {
      if (!current) return;
      let state: MembershipState;
      if (result.ok) state = { kind: 'member', membership: result.data };
      else if (result.status === 401) state = { kind: 'outsider', message: result.error.message };
      else if (result.status === 404) state = { kind: 'missing', message: result.error.message };
      else state = { kind: 'failed', message: result.error.message };
      setAnswer({ key: `${sessionId}#${attempt}`, state });
    });
    return () => {
      current = false;
    };
  }, [sessionId, attempt]);

  return {
    state: answer?.key === key ? answer.state : { kind: 'loading' },
    reload: () => setAttempt((count) => count + 1),
  };
}
