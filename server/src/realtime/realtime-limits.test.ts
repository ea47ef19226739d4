import { describe, expect, it } from 'vitest';
import { createMemoryLimits, defaultLimitSettings, type LimitSettings } from './realtime-limits.ts';

const session = '7f0c2a4e-1b2c-4d3e-8f90-123456789abc';
const mallory = 'participant-mallory';
const grace = 'participant-grace';

const small: LimitSettings = {
  personCommands: { perSecond: 10, burst: 5 },
  sessionCommands: { perSecond: 20, burst: 8 },
  personBoardOpens: { perSecond: 1, burst: 2 },
  personReplicaMessages: { perSecond: 10, burst: 3 },
  connectionsPerPerson: 2,
};

function limitsAt(settings: LimitSettings = small) {
  const clock = { now: 0 };
  const limits = createMemoryLimits({ settings, now: () => clock.now, sweepMs: 1000 });
  return { limits, clock };
}

function times<T>(count: number, take: () => T): T[] {
  return Array.from({ length: count }, take);
}

describe('realtime limits', () => {
  it('a person has one command budget, however many connections send', () => {
    const { limits } = limitsAt(defaultLimitSettings);
    const verdicts = times(41, () => limits.command(session, mallory));
    expect(verdicts.filter((verdict) => verdict === 'allowed')).toHaveLength(40);
    expect(verdicts.at(-1)).toBe('person');
  });

  it('a person’s budget refills at the sustained rate', () => {
    const { limits, clock } = limitsAt();
    times(5, () => limits.command(session, mallory));
    expect(limits.command(session, mallory)).toBe('person');
    clock.now += 100;
    expect(limits.command(session, mallory)).toBe('allowed');
    expect(limits.command(session, mallory)).toBe('person');
  });

  it('another person in the session keeps their own budget', () => {
    const { limits } = limitsAt();
    times(6, () => limits.command(session, mallory));
    expect(limits.command(session, grace)).toBe('allowed');
  });

  it('a session’s commands share one budget across people', () => {
    const { limits } = limitsAt();
    times(5, () => limits.command(session, mallory));
    const graces = times(4, () => limits.command(session, grace));
    expect(graces).toEqual(['allowed', 'allowed', 'allowed', 'session']);
  });

  it('a session id spelt in capitals is the same session and the same person', () => {
    const { limits } = limitsAt();
    times(5, () => limits.command(session, mallory));
    expect(limits.command(session.toUpperCase(), mallory)).toBe('person');
  });

  it('board opens and replica messages have budgets of their own', () => {
    const { limits } = limitsAt();
    times(5, () => limits.command(session, mallory));
    expect(times(3, () => limits.boardOpen(session, mallory))).toEqual([true, true, false]);
    expect(times(4, () => limits.replicaMessage(session, mallory))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('a person holds at most the allowed connections per transport; an ended one makes room once', async () => {
    const { limits } = limitsAt();
    const first = await limits.admit(session, mallory, 'socket.io');
    const second = await limits.admit(session, mallory, 'socket.io');
    expect(first && second).toBeDefined();
    expect(await limits.admit(session, mallory, 'socket.io')).toBeUndefined();
    expect(await limits.admit(session, mallory, 'yjs')).toBeDefined();
    expect(await limits.admit(session, grace, 'socket.io')).toBeDefined();
    first?.();
    first?.();
    expect(await limits.admit(session, mallory, 'socket.io')).toBeDefined();
    expect(await limits.admit(session, mallory, 'socket.io')).toBeUndefined();
  });

  it('forgets budgets that have refilled and connection counts that reached zero', async () => {
    const { limits, clock } = limitsAt();
    times(6, () => limits.command(session, mallory));
    limits.boardOpen(session, grace);
    const release = await limits.admit(session, grace, 'yjs');
    expect(limits.size).toBe(4);
    release?.();
    expect(limits.size).toBe(3);
    clock.now += 2000;
    // The sweep runs on use; the budget just taken is the only one left.
    limits.replicaMessage(session, mallory);
    expect(limits.size).toBe(1);
  });
});
