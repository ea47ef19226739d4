import { ErrorCode, type Failure } from '@reflectory/shared';
import type { z } from 'zod';

/**
 * Characters PostgreSQL cannot store: U+0000 (neither text nor jsonb holds it) and halves of
 * surrogate pairs (not Unicode; jsonb refuses them). Refused here, so that input carrying them is
 * answered as invalid rather than failing the transaction it would have been written in.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must not get through
const unstorable = /[\u0000\p{Cs}]/u;

/** The path of the first string (value or key) in `value` that holds an unstorable character. */
function unstorableAt(value: unknown): string | undefined {
  const pending: Array<[unknown, string]> = [[value, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (unstorable.test(item)) return path;
    } else if (Array.isArray(item)) {
      item.forEach((entry, index) => pending.push([entry, path ? `${path}.${index}` : `${index}`]));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, entry] of Object.entries(item)) {
        const at = path ? `${path}.${key}` : key;
        if (unstorable.test(key)) return at;
        pending.push([entry, at]);
      }
    }
  }
  return undefined;
}

/**
 * Whether PostgreSQL can store this instant. A date goes to it in ISO form, from which it reads
 * years 1 to 9999 only, while an ISO date-time with an offset can name year 0, or year 10000 once
 * its offset is applied (9999-12-31T23:59:59-23:59).
 */
export function isStorableInstant(iso: string): boolean {
  const year = new Date(iso).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** Parses untrusted input; a failure carries the first problem in words a person can act on. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Failure {
  const result = schema.safeParse(input);
  if (result.success) {
    const at = unstorableAt(result.data);
    if (at === undefined) return { ok: true, data: result.data };
    const message = 'text cannot contain the character U+0000 or half of a surrogate pair';
    return {
      ok: false,
      error: { code: ErrorCode.invalidRequest, message: at ? `${at}: ${message}` : message },
    };
  }
  const issue = result.error.issues[0];
  if (!issue)
    return { ok: false, error: { code: ErrorCode.invalidRequest, message: 'Invalid request.' } };
  const field = issue.path.join('.');
  // Our own refinements already speak to people; zod's built-in messages need the field's name.
  const message =
    issue.code === 'custom' || field === '' ? issue.message : `${field}: ${issue.message}`;
  return { ok: false, error: { code: ErrorCode.invalidRequest, message } };
}
