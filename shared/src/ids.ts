import { z } from 'zod';

/**
 * Join codes use 31 symbols with no look-alikes: no 0/O, 1/I/L. Six of them give ~887 million
 * codes, enough that guessing an open session's code by trial is hopeless under rate limits.
 */
export const joinCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const joinCodeLength = 6;

/** Uppercases and drops spaces and dashes, so "abc-234" and "ABC 234" both read as "ABC234". */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function isJoinCode(value: string): boolean {
  if (value.length !== joinCodeLength) return false;
  for (const symbol of value) if (!joinCodeAlphabet.includes(symbol)) return false;
  return true;
}

/**
 * Builds a join code from random bytes (the caller supplies them, so this stays pure). Each byte
 * is used only when below the largest multiple of the alphabet size, so no symbol is favoured.
 */
export function joinCodeFromBytes(bytes: Uint8Array): string | undefined {
  const limit = 256 - (256 % joinCodeAlphabet.length);
  let code = '';
  for (const byte of bytes) {
    if (byte >= limit) continue;
    code += joinCodeAlphabet[byte % joinCodeAlphabet.length];
    if (code.length === joinCodeLength) return code;
  }
  return undefined;
}

export const joinCodeSchema = z
  .string()
  .max(32)
  .transform(normalizeJoinCode)
  .refine(isJoinCode, 'A join code is 6 letters and digits, like K7MP3Q.');

export const uuidSchema = z.uuid();
