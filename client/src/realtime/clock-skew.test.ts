import { describe, expect, it } from 'vitest';
import { bestOffset, offsetOf } from './clock-skew.ts';

describe('clock skew', () => {
  it('the server is read half-way through the round trip', () => {
    expect(offsetOf({ sentAt: 1000, serverNow: 6050, receivedAt: 1100 })).toBe(5000);
    expect(offsetOf({ sentAt: 1000, serverNow: 1050, receivedAt: 1100 })).toBe(0);
    expect(offsetOf({ sentAt: 10_000, serverNow: 7040, receivedAt: 10_080 })).toBe(-3000);
  });

  it('the sample with the shortest round trip wins', () => {
    expect(
      bestOffset([
        { sentAt: 0, serverNow: 2900, receivedAt: 800 },
        { sentAt: 1000, serverNow: 3010, receivedAt: 1020 },
        { sentAt: 2000, serverNow: 4500, receivedAt: 2400 },
      ]),
    ).toBe(2000);
  });

  it('no usable sample gives no offset', () => {
    expect(bestOffset([])).toBeUndefined();
    expect(bestOffset([{ sentAt: 10, serverNow: 5, receivedAt: 5 }])).toBeUndefined();
    expect(bestOffset([{ sentAt: 0, serverNow: Number.NaN, receivedAt: 5 }])).toBeUndefined();
  });
});
