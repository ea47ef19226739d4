import type { IdentifierMatch } from './kinds.ts';

/**
 * [ID3] Dates that may be dates of birth. A meeting's date is usually recent and a birth date
 * usually is not, so a full date (day, month and year) is flagged when its year is at least
 * `recentYears` before the current year. A date after a cue ("DOB", "date of birth", "born",
 * "birthday") is flagged whatever its year, and then a day and month, or a month and year, or
 * (after "born") a year alone is enough. Dates without a year and without a cue ("on 12 March",
 * "last Tuesday") and years alone ("2020 was hard") are not flagged.
 */
export const recentYears = 10;

export interface DateOptions {
  /**
   * The current year, from the caller's clock (the core reads none). Without it every full date is
   * treated as one that may be a date of birth: the guard errs on the side of asking.
   */
  currentYear?: number;
}

const monthNames =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const monthIndex = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

const ordinal = '(?:st|nd|rd|th)?';
const notAfterVersion = '(?<!\\b(?:v|ver|version|release|build|rel)\\.?\\s?)';
const numericDate = `${notAfterVersion}(?<![\\w./-])(?<nd>\\d{1,2})(?<sep>[/.-])(?<nm>\\d{1,2})\\k<sep>(?<ny>\\d{4}|\\d{2})(?![\\w]|[./-]\\d)`;
const isoDate = `(?<![\\w./-])(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?![\\w]|[./-]\\d)`;
const year = `(?<ty>\\d{4}|['’]\\d{2})`;
const dayMonthYear = `\\b(?<td>\\d{1,2})${ordinal}(?:\\s+of)?\\s+(?<tm>${monthNames})\\b\\.?,?\\s+${year}(?!\\w)`;
const monthDayYear = `\\b(?<um>${monthNames})\\b\\.?\\s+(?<ud>\\d{1,2})${ordinal},?\\s+(?<uy>\\d{4})(?!\\w)`;
const fullDate = new RegExp(`${numericDate}|${isoDate}|${dayMonthYear}|${monthDayYear}`, 'gi');

const cue =
  '\\b(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|born(?:\\s+(?:on|in))?|birthday(?:\\s+(?:is|was|on))?)(?:\\s+(?:is|was|of|as))?\\s*[:=-]?\\s*';
const partialDate = [
  `(?<![\\w./-])\\d{1,2}[/.-]\\d{1,2}(?:[/.-](?:\\d{4}|\\d{2}))?(?![\\w]|[./-]\\d)`,
  `\\d{4}-\\d{2}-\\d{2}`,
  `\\d{1,2}${ordinal}(?:\\s+of)?\\s+(?:${monthNames})\\b\\.?(?:,?\\s+(?:\\d{4}|['’]\\d{2})\\b)?`,
  `(?:${monthNames})\\b\\.?\\s+(?:\\d{1,2}${ordinal}\\b(?:,?\\s+\\d{4}\\b)?|\\d{4}\\b)`,
].join('|');
const cuedDate = new RegExp(`${cue}(?:${partialDate})`, 'gi');
/** "born 1961", "born in 1961": a year alone counts only after "born". */
const bornInYear = /\bborn(?:\s+in)?\s+(?:19|20)\d{2}(?!\w)/gi;

export function findDatesOfBirth(text: string, options: DateOptions = {}): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const hit of text.matchAll(fullDate)) {
    const date = readDate(hit.groups ?? {}, options.currentYear);
    if (date && mayBeBirthYear(date.year, options.currentYear)) {
      found.push({ kind: 'dateOfBirth', start: hit.index, end: hit.index + hit[0].length });
    }
  }
  for (const pattern of [cuedDate, bornInYear]) {
    for (const hit of text.matchAll(pattern)) {
      found.push({ kind: 'dateOfBirth', start: hit.index, end: hit.index + hit[0].length });
    }
  }
  return found;
}

function mayBeBirthYear(year: number, currentYear: number | undefined): boolean {
  if (currentYear === undefined) return year >= 1880;
  return year >= currentYear - 120 && year <= currentYear - recentYears;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function readDate(
  groups: Record<string, string | undefined>,
  currentYear: number | undefined,
): CalendarDate | null {
  const { nd, nm, ny, iy, im, id, td, tm, ty, um, ud, uy } = groups;
  if (nd && nm && ny) {
    const yearValue = fullYear(ny, currentYear);
    // Day first, as written in the UK; month first only where day first is impossible.
    return (
      validDate(yearValue, Number(nm), Number(nd)) ?? validDate(yearValue, Number(nd), Number(nm))
    );
  }
  if (iy && im && id) return validDate(Number(iy), Number(im), Number(id));
  if (td && tm && ty) return validDate(fullYear(ty, currentYear), monthOf(tm), Number(td));
  if (um && ud && uy) return validDate(Number(uy), monthOf(um), Number(ud));
  return null;
}

/** A two-digit year is in this century unless that would put it in the future. */
function fullYear(written: string, currentYear: number | undefined): number {
  const digits = written.replace(/\D/g, '');
  if (digits.length === 4) return Number(digits);
  const short = Number(digits);
  if (currentYear === undefined) return 1900 + short;
  const century = currentYear - (currentYear % 100);
  return century + short > currentYear ? century - 100 + short : century + short;
}

function monthOf(name: string): number {
  return monthIndex.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0) ? { year, month, day } : null;
}
