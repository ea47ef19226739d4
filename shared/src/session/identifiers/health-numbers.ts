import type { IdentifierMatch } from './kinds.ts';

/**
 * Groups of digits written as one number: separated by single spaces, hyphens or dashes, and not
 * part of a word, a decimal, an international phone number (`+44 …`) or a ticket id (`ABC-123`).
 */
const digitRun = /(?<![\w+.,/\u2010-\u2013-])\d+(?:[ \u00a0\u2010-\u2013-]\d+)*(?![\w]|[.,/]\d)/g;

/** [ID1] The NHS modulus-11 check: weights 10 down to 2, and 11 − remainder is the last digit. */
export function hasNhsCheckDigit(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(digits[index]) * (10 - index);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * [ID2] Whether ten digits start with a date written DDMMYY, as a CHI number does. The century is
 * unknown, so 29 February is accepted in any year divisible by four (and in 00).
 */
export function startsWithDdmmyy(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return year % 4 === 0;
  return day <= (daysInMonth[month - 1] ?? 0);
}

/**
 * [ID1] NHS numbers and [ID2] CHI numbers: ten digits in any grouping. A number that starts with a
 * DDMMYY date is a CHI number (no NHS number in England, Wales or Northern Ireland does, since
 * their ranges start at 32 and above); otherwise it is an NHS number only if its check digit is
 * right, so that an ordinary ten-digit figure is not flagged. CHI numbers carry the same check
 * digit, but the date is checked instead, so that a CHI number with one digit mistyped is still
 * caught.
 */
export function findHealthNumbers(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const run of text.matchAll(digitRun)) {
    for (const window of tenDigitWindows(run[0])) {
      const start = run.index + window.start;
      const end = run.index + window.end;
      if (startsWithDdmmyy(window.digits)) found.push({ kind: 'chiNumber', start, end });
      else if (hasNhsCheckDigit(window.digits)) found.push({ kind: 'nhsNumber', start, end });
    }
  }
  return found;
}

interface Window {
  digits: string;
  start: number;
  end: number;
}

/**
 * Consecutive groups of a run that hold exactly ten digits between them, so that "bay 2 943 476
 * 5919" still yields the number. Groups are never split: "07700 900123" (eleven digits) yields
 * nothing. Overlapping windows are all returned; the guard keeps one.
 */
function tenDigitWindows(run: string): Window[] {
  const groups = [...run.matchAll(/\d+/g)].map((group) => ({
    start: group.index,
    end: group.index + group[0].length,
  }));
  const windows: Window[] = [];
  groups.forEach((opening, first) => {
    let count = 0;
    for (const group of groups.slice(first)) {
      count += group.end - group.start;
      if (count > 10) break;
      if (count === 10) {
        const digits = run.slice(opening.start, group.end).replace(/\D/g, '');
        windows.push({ digits, start: opening.start, end: group.end });
      }
    }
  });
  return windows;
}
