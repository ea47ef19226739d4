import { joinCodeSchema, type JoinLookup } from '@reflectory/shared';
import { useEffect, useState } from 'react';
import { lookUpJoinCode } from '../../api/sessions-api.ts';

export type JoinLookupState =
  | { kind: 'loading' }
  | { kind: 'found'; code: string; lookup: JoinLookup }
  | { kind: 'failed'; message: string };

/** Looks up the session behind a join code from a link, once per code. */
export function useJoinLookup(rawCode: string): JoinLookupState {
  const code = joinCodeSchema.safeParse(rawCode);
  const normalized = code.success ? code.data : undefined;
  const [answer, setAnswer] = useState<{ code: string; state: JoinLookupState }>();

  useEffect(() => {
    if (normalized === undefined) return;
    let current = true;
    void lookUpJoinCode(normalized).then((result) => {
      if (!current) return;
      setAnswer({
        code: normalized,
        state: result.ok
          ? { kind: 'found', code: normalized, lookup: result.data }
          : { kind: 'failed', message: result.error.message },
      });
    });
    return () => {
      current = false;
    };
  }, [normalized]);

  if (normalized === undefined) {
    return {
      kind: 'failed',
      message: `“${rawCode.slice(0, 40)}” is not a join code: a join code is 6 letters and digits, like K7MP3Q.`,
    };
  }
  return answer?.code === normalized ? answer.state : { kind: 'loading' };
}
