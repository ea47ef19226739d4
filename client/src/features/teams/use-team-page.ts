import type { TeamPage } from '@reflectory/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../api/http.ts';
import { fetchTeamPage } from '../../api/teams-api.ts';

export type TeamPageState =
  | { kind: 'loading' }
  | { kind: 'loaded'; page: TeamPage }
  | { kind: 'signed-out'; message: string }
  | { kind: 'missing'; message: string }
  | { kind: 'failed'; message: string };

function stateOf(result: ApiResult<TeamPage>): TeamPageState {
  if (result.ok) return { kind: 'loaded', page: result.data };
  if (result.status === 401) return { kind: 'signed-out', message: result.error.message };
  if (result.status === 404) return { kind: 'missing', message: result.error.message };
  return { kind: 'failed', message: result.error.message };
}

/** The team page's data; `reload` fetches it again after a change, keeping what is shown meanwhile. */
export function useTeamPage(teamId: string): { state: TeamPageState; reload: () => Promise<void> } {
  const [answer, setAnswer] = useState<{ teamId: string; state: TeamPageState }>();

  const reload = useCallback(async () => {
    setAnswer({ teamId, state: stateOf(await fetchTeamPage(teamId)) });
  }, [teamId]);

  useEffect(() => {
    let current = true;
    void fetchTeamPage(teamId).then((result) => {
      if (current) setAnswer({ teamId, state: stateOf(result) });
    });
    return () => {
      current = false;
    };
  }, [teamId]);

  return { state: answer?.teamId === teamId ? answer.state : { kind: 'loading' }, reload };
}
