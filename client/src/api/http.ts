import { ErrorCode, errorBodySchema, type Result } from '@reflectory/shared';

/** Anything with zod's `safeParse`: the answer is checked against the shared schema. */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type ApiResult<T> = Result<T> & { status: number };

const unreachable = 'Could not reach the Reflectory server. Check your connection, then try again.';
const unexpected = 'The server gave an answer this page did not expect. Please try again.';

/** A 204 answer: nothing to parse. */
export const noContent = {
  safeParse: (value: unknown) =>
    value === undefined
      ? ({ success: true, data: undefined } as const)
      : ({ success: false } as const),
};

/**
 * Calls the JSON API on this origin. Never throws for the network or the server: a failure comes
 * back as `{ ok: false, error: { code, message } }` whose message is meant for people.
 */
export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  schema: Schema<T>,
  body?: unknown,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : {
              accept: 'application/json',
              'content-type': 'application/json',
            },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, error: { code: ErrorCode.unavailable, message: unreachable } };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, status: response.status, data: parsed.data };
  } else {
    const failure = errorBodySchema.safeParse(json);
    if (failure.success) return { ok: false, status: response.status, error: failure.data.error };
  }
  return {
    ok: false,
    status: response.status,
    error: { code: ErrorCode.internal, message: unexpected },
  };
}
