import type { ReflectionSummary } from '@reflectory/shared';
import type { ApiResult } from '../../api/http.ts';
import { fetchSummary } from '../../api/summary-api.ts';
import { useServerAnswer } from '../../api/use-server-answer.ts';

export type SummaryState =
  | { kind: 'loading' }
  | { kind: 'loaded'; summary: ReflectionSummary }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

function stateOf(result: ApiResult<ReflectionSummary>): SummaryState {
  if (result.ok) return { kind: 'loaded', summary: result.data };
  if (result.status === 403 || result.status === 404)
    return { kind: 'refused', message: result.error.message };
  return { kind: 'failed', message: result.error.message };
}

/** The session's summary, asked of the server; `reload` asks again. */
export function useSummary(sessionId: string): { state: SummaryState; reload: () => void } {
  return useServerAnswer(sessionId, fetchSummary, stateOf);
}
