import { describe, expect, it } from 'vitest';
import { ErrorCode, errorBody, errorBodySchema, httpStatusOf } from './errors.ts';

describe('error codes', () => {
  it('every code has an HTTP status, and only server faults map to 5xx', () => {
    for (const code of Object.values(ErrorCode)) {
      const status = httpStatusOf[code];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status >= 500, code).toBe(['internal', 'not_ready', 'unavailable'].includes(code));
    }
  });

  it('errorBody builds the one error shape that the schema accepts', () => {
    const body = errorBody(ErrorCode.notFound, 'No such thing.');
    expect(errorBodySchema.parse(body)).toEqual({
      error: { code: 'not_found', message: 'No such thing.' },
    });
    expect(errorBodySchema.safeParse({ error: { code: 'nope', message: '' } }).success).toBe(false);
  });
});
