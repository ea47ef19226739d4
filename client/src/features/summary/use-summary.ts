import type { ReflectionSummary } from '@reflectory/shared';
import { useEffect, useState } from 'react';
import { fetchSummary } from '../../api/summary-api.ts';

export type SummaryState =
  | { kind: 'loading' }
  | { kind: 'loaded'; summary: ReflectionSummary }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

/** The session's summary, asked of the server; `reload` asks again. */
export function useSummary(sessionId: string): { state: SummaryState; reload: () => void } {
  const [answer, setAnswer] = useState<{ key: string; state: SummaryState }>();
  const [attempt, setAttempt] = useState(0);
  const key = `${sessionId}#${attempt}`;

  useEffect(() => {
    let current = true;
    void fetchSummary(sessionId).then((result) => {
      if (!current) return;
      let state: SummaryState;
      if (result.ok) state = { kind: 'loaded', summary: result.data };
      else if (result.status === 403 || result.status === 404)
        state = { kind: 'refused', message: result.error.message };
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
