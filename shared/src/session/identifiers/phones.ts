import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { IdentifierMatch } from './kinds.ts';

/**
 * [ID5] Phone numbers, UK and international, found by libphonenumber (its default, smallest
 * metadata: no network, no clock). Its "extended" search accepts any number of a possible length
 * for its country, so that the Ofcom ranges kept for drama and a mistyped digit are still caught.
 * Only numbers written as they are dialled count: with a leading 0 (trunk prefix) or an
 * international + or 00. A bare run of digits ("ticket 123456789") is some other number.
 */
export function findPhones(text: string): IdentifierMatch[] {
  return findPhoneNumbersInText(text, { defaultCountry: 'GB', extended: true })
    .filter((found) => /^\(?[+0]/.test(text.slice(found.startsAt, found.endsAt)))
    .map((found) => ({ kind: 'phone', start: found.startsAt, end: found.endsAt }));
}
