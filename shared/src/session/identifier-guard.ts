import { findAddresses } from './identifiers/addresses.ts';
import { findBedsAndRooms } from './identifiers/beds-and-rooms.ts';
import { findDatesOfBirth, type DateOptions } from './identifiers/dates-of-birth.ts';
import { findEmails } from './identifiers/emails.ts';
import { findHealthNumbers } from './identifiers/health-numbers.ts';
import { identifierKinds, type IdentifierKind, type IdentifierMatch } from './identifiers/kinds.ts';
import { findPhones } from './identifiers/phones.ts';
import { findPostcodes } from './identifiers/postcodes.ts';
import { findTitledNames } from './identifiers/titled-names.ts';

/**
 * The identifier guard: before a note, an action or a theme's title is posted, find what in it may
 * identify a patient, a client or a colleague, so that the writer can take it out. It warns; it
 * proves nothing: a text it passes can still identify someone (docs/identifier-guard.md).
 */

export { identifierKinds };
export type { IdentifierKind, IdentifierMatch, DateOptions as IdentifierGuardOptions };

/** What each kind is called when the writer is told, in a sentence such as "This looks like …". */
export const identifierLabels = {
  nhsNumber: 'an NHS number',
  chiNumber: 'a CHI number',
  dateOfBirth: 'a date that may be a date of birth',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  address: 'a street address',
  titledName: 'a person’s name',
  bedOrRoom: 'a bed or room number',
} as const satisfies Record<IdentifierKind, string>;

/** Which kind wins when two matches of the same length overlap: the most specific first. */
const precedence: readonly IdentifierKind[] = [
  'email',
  'nhsNumber',
  'chiNumber',
  'phone',
  'postcode',
  'dateOfBirth',
  'address',
  'titledName',
  'bedOrRoom',
];

/**
 * [ID1]–[ID9] Everything in `text` that may identify someone, as offsets into `text`.
 * [ID10] The matches never overlap and are sorted by start. Where two rules claim overlapping
 * text, the longer match wins ("+44 20 7946 0123" is a phone number, not the ten digits at its
 * end), and between equal lengths the more specific kind.
 * Pass `currentYear` so that recent dates (a meeting's) are told from possible dates of birth.
 */
export function findIdentifiers(text: string, options: DateOptions = {}): IdentifierMatch[] {
  const candidates = [
    ...findEmails(text),
    ...findHealthNumbers(text),
    ...findPhones(text),
    ...findPostcodes(text),
    ...findDatesOfBirth(text, options),
    ...findAddresses(text),
    ...findTitledNames(text),
    ...findBedsAndRooms(text),
  ].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      precedence.indexOf(a.kind) - precedence.indexOf(b.kind) ||
      a.start - b.start,
  );
  const kept: IdentifierMatch[] = [];
  for (const candidate of candidates) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) {
      kept.push(candidate);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

export const redactionPlaceholder = '[removed]';

/**
 * [ID11] `text` with each match replaced by a neutral placeholder. Matches may come in any order;
 * any that fall outside the text or overlap one already taken are ignored, so a stale list (from
 * before the text was edited) cannot garble it.
 */
export function redactIdentifiers(text: string, matches: readonly IdentifierMatch[]): string {
  const ordered = [...matches].sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const match of ordered) {
    if (
      match.start < cursor ||
      match.start < 0 ||
      match.end > text.length ||
      match.end <= match.start
    )
      continue;
    result += text.slice(cursor, match.start) + redactionPlaceholder;
    cursor = match.end;
  }
  return result + text.slice(cursor);
}
