import { describe, expect, it } from 'vitest';
import { serializeError } from './safe-error.ts';

describe('serializeError', () => {
  it('withholds a failed query and its parameters, keeping the SQLSTATE', () => {
    const cause = Object.assign(new Error('duplicate key value'), { code: '23505' });
    const error = new Error(
      'Failed query: insert into "notes" values ($1)\nparams: my confidential note',
      { cause },
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toContain('confidential');
    expect(logged).not.toContain('insert into');
    expect(serializeError(error)).toMatchObject({
      code: '23505',
      message: 'database query failed (parameters withheld)',
    });
  });

  it('keeps the first line and frames of other errors', () => {
    const logged = serializeError(new TypeError('x is not a function\nsecond line'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(String(logged.stack)).toContain('at ');
  });
});
