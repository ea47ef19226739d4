import { describe, expect, it } from 'vitest';
import { safeNextPath, withNext } from './next-path.ts';

describe('the ?next= return path', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/invite/abc?x=1#top')).toBe('/invite/abc?x=1#top');
    expect(safeNextPath('/teams')).toBe('/teams');
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'teams',
    `/${'a'.repeat(2001)}`,
  ])('refuses %j, falling back to the account page', (raw) => {
    expect(safeNextPath(raw)).toBe('/account');
  });

  it('builds a link that carries the path encoded', () => {
    expect(withNext('/signin', '/invite/a b')).toBe('/signin?next=%2Finvite%2Fa%20b');
    expect(withNext('/signup', undefined)).toBe('/signup');
  });
});
