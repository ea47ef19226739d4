import { describe, expect, it } from 'vitest';
import {
  isJoinCode,
  joinCodeAlphabet,
  joinCodeFromBytes,
  joinCodeSchema,
  normalizeJoinCode,
} from './ids.ts';

describe('join codes', () => {
  it('[J1] the alphabet has no look-alike symbols', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L'])
      expect(joinCodeAlphabet).not.toContain(lookAlike);
    expect(new Set(joinCodeAlphabet).size).toBe(joinCodeAlphabet.length);
  });

  it('[J2] a code is six symbols of the alphabet', () => {
    expect(isJoinCode('K7MP3Q')).toBe(true);
    expect(isJoinCode('K7MP3')).toBe(false);
    expect(isJoinCode('K7MP3QQ')).toBe(false);
    expect(isJoinCode('K7MP3O')).toBe(false);
    expect(isJoinCode('k7mp3q')).toBe(false);
  });

  it('[J3] typing is forgiving: case, spaces and dashes do not matter', () => {
    expect(normalizeJoinCode(' k7m-p3q ')).toBe('K7MP3Q');
    expect(joinCodeSchema.parse('k7m p3q')).toBe('K7MP3Q');
    expect(joinCodeSchema.safeParse('K7MP3').success).toBe(false);
  });

  it('[J4] codes from random bytes use every symbol and skip bytes that would bias them', () => {
    expect(joinCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe('ABCDEF');
    // 248..255 lie above the largest multiple of 31 and are skipped.
    expect(joinCodeFromBytes(new Uint8Array([255, 248, 30, 30, 30, 30, 30, 30]))).toBe('999999');
    expect(joinCodeFromBytes(new Uint8Array([255, 255]))).toBeUndefined();
    const seen = new Set<string>();
    for (let byte = 0; byte < 248; byte += 1)
      seen.add(joinCodeFromBytes(new Uint8Array(6).fill(byte))![0]!);
    expect(seen.size).toBe(joinCodeAlphabet.length);
  });
});
