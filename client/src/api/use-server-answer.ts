import { useEffect, useState } from 'react';
import type { ApiResult } from './http.ts';

/**
 * Asks the server about `id` (again on `reload`) and gives its answer as the page's state, made by
 * `toState`; `{ kind: 'loading' }` until the answer for the current id and attempt arrives. An
 * answer for an earlier id is dropped, so a quick navigation never shows another page's data.
 * Pass module-level functions for `ask` and `toState`: a new function each render asks again.
 */
export function useServerAnswer<T, S>(
  id: string,
  ask: (id: string) => Promise<ApiResult<T>>,
  toState: (result: ApiResult<T>) => S,
): { state: S | { kind: 'loading' }; reload: () => void } {
  const [answer, setAnswer] = useState<{ key: string; state: S }>();
  const [attempt, setAttempt] = useState(0);
  const key = `${id}#${attempt}`;

  useEffect(() => {
    let current = true;
    void ask(id).then((result) => {
      if (current) setAnswer({ key: `${id}#${attempt}`, state: toState(result) });
    });
    return () => {
      current = false;
    };
  }, [id, attempt, ask, toState]);

  return {
    state: answer?.key === key ? answer.state : { kind: 'loading' },
    reload: () => setAttempt((count) => count + 1),
  };
}
