import type { BoardTimerView } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import { describeDuration, formatCountdown, formatMinutes, timeLeftMs } from './countdown.ts';

const timer = (change: Partial<BoardTimerView>): BoardTimerView => ({
  stepId: 'what',
  status: 'idle',
  durationMs: 300_000,
  deadline: null,
  remainingMs: 300_000,
  ...change,
});

describe('countdown', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1000, '0:01'],
    [1001, '0:02'],
    [59_000, '0:59'],
    [300_000, '5:00'],
    [299_001, '5:00'],
    [3_720_000, '1:02:00'],
    [-5000, '0:00'],
  ])('%i ms shows as %s', (ms, shown) => {
    expect(formatCountdown(ms)).toBe(shown);
  });

  it('a running timer counts down from its deadline in server time, never below zero', () => {
    const running = timer({ status: 'running', deadline: 10_000, remainingMs: 300_000 });
    expect(timeLeftMs(running, 4_000)).toBe(6_000);
    expect(timeLeftMs(running, 12_000)).toBe(0);
  });

  it('idle and paused timers show what is left; an expired one shows nothing left', () => {
    expect(timeLeftMs(timer({ status: 'paused', remainingMs: 42_000 }), 1e12)).toBe(42_000);
    expect(timeLeftMs(timer({}), 0)).toBe(300_000);
    expect(timeLeftMs(timer({ status: 'expired', remainingMs: 0 }), 0)).toBe(0);
  });

  it('says the time in words', () => {
    expect(describeDuration(65_000)).toBe('1 minute 5 seconds');
    expect(describeDuration(120_000)).toBe('2 minutes');
    expect(describeDuration(1000)).toBe('1 second');
    expect(describeDuration(0)).toBe('0 seconds');
  });

  it('writes timeboxes as people say them', () => {
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(95)).toBe('1 h 35 min');
  });
});
