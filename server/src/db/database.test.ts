import { describe, expect, it } from 'vitest';
import { isRefusedData, sqlStateOf } from './database.ts';

describe('store errors', () => {
  it('reads the SQLSTATE from the error or from the cause drizzle wraps it in', () => {
    expect(sqlStateOf(Object.assign(new Error('x'), { code: '22021' }))).toBe('22021');
    expect(sqlStateOf(new Error('Failed query', { cause: { code: '23505' } }))).toBe('23505');
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(sqlStateOf('22021')).toBeUndefined();
  });

  it.each([
    ['22021', true],
    ['22P05', true],
    ['23505', true],
    ['40001', false],
    ['57P01', false],
    ['08006', false],
  ])('SQLSTATE %s is refused data: %s', (code, expected) => {
    expect(isRefusedData(new Error('Failed query', { cause: { code } }))).toBe(expected);
  });
});
