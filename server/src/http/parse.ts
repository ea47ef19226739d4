import { ErrorCode, type Failure } from '@reflectory/shared';
import type { z } from 'zod';

/** Parses untrusted input; a failure carries the first problem in words a person can act on. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Failure {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  if (!issue)
    return { ok: false, error: { code: ErrorCode.invalidRequest, message: 'Invalid request.' } };
  const field = issue.path.join('.');
  // Our own refinements already speak to people; zod's built-in messages need the field's name.
  const message =
    issue.code === 'custom' || field === '' ? issue.message : `${field}: ${issue.message}`;
  return { ok: false, error: { code: ErrorCode.invalidRequest, message } };
}
