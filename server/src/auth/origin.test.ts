import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin.ts';

describe('isAllowedOrigin', () => {
  it.each([
    [undefined, 'localhost:3000', [], true],
    ['http://localhost:3000', 'localhost:3000', [], true],
    ['https://reflect.example.org', 'reflect.example.org', [], true],
    ['http://localhost:5173', 'localhost:3000', ['http://localhost:5173'], true],
    ['http://evil.example', 'localhost:3000', [], false],
    ['http://localhost:3000.evil.example', 'localhost:3000', [], false],
    ['null', 'localhost:3000', [], false],
    ['file://localhost:3000', 'localhost:3000', [], false],
    ['http://localhost:3001', 'localhost:3000', [], false],
  ])('origin %s to host %s (allowed %o) → %s', (origin, host, allowed, expected) => {
    expect(isAllowedOrigin(origin, host, allowed)).toBe(expected);
  });
});
