import { describe, expect, it } from 'vitest';
import { createSignInThrottle } from './sign-in-throttle.ts';

describe('sign-in throttle per email', () => {
  it('blocks an email after 5 failures within 15 minutes, for the rest of that window', () => {
    let now = 0;
    const throttle = createSignInThrottle({ now: () => now });
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('ann@example.org');
    expect(throttle.isBlocked('ann@example.org')).toBe(false);
    throttle.recordFailure('ann@example.org');
    expect(throttle.isBlocked('ann@example.org')).toBe(true);
    expect(throttle.isBlocked('ben@example.org')).toBe(false);
    now = 15 * 60 * 1000 - 1;
    expect(throttle.isBlocked('ann@example.org')).toBe(true);
    now = 15 * 60 * 1000;
    expect(throttle.isBlocked('ann@example.org')).toBe(false);
  });

  it('counts failures from the first one: older failures do not carry into a new window', () => {
    let now = 0;
    const throttle = createSignInThrottle({ now: () => now });
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('ann@example.org');
    now = 15 * 60 * 1000;
    throttle.recordFailure('ann@example.org');
    expect(throttle.isBlocked('ann@example.org')).toBe(false);
  });

  it('a success clears the count', () => {
    const throttle = createSignInThrottle();
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('ann@example.org');
    throttle.recordSuccess('ann@example.org');
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('ann@example.org');
    expect(throttle.isBlocked('ann@example.org')).toBe(false);
  });

  it('tracks at most maxEntries emails, dropping expired windows first, then the oldest', () => {
    let now = 0;
    const throttle = createSignInThrottle({ now: () => now, maxEntries: 3, maxFailures: 1 });
    throttle.recordFailure('old@example.org');
    now = 10 * 60 * 1000;
    throttle.recordFailure('a@example.org');
    throttle.recordFailure('b@example.org');
    now = 16 * 60 * 1000;
    throttle.recordFailure('c@example.org');
    expect(throttle.size).toBe(3);
    expect(throttle.isBlocked('a@example.org')).toBe(true);
    throttle.recordFailure('d@example.org');
    expect(throttle.size).toBe(3);
    expect(throttle.isBlocked('a@example.org')).toBe(false);
    expect(throttle.isBlocked('d@example.org')).toBe(true);
  });
});
