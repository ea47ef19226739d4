import type { IdentifierMatch } from './kinds.ts';

/** The last word of a street's name, with common abbreviations. */
const streetWords = new Set([
  'road',
  'rd',
  'street',
  'st',
  'avenue',
  'ave',
  'lane',
  'ln',
  'close',
  'drive',
  'way',
  'crescent',
  'cres',
  'court',
  'ct',
  'place',
  'pl',
  'gardens',
  'gdns',
  'terrace',
  'tce',
  'hill',
  'grove',
  'square',
  'sq',
  'mews',
  'row',
  'walk',
  'rise',
  'parade',
  'vale',
  'wharf',
  'boulevard',
]);

/** "Family Court", "Crown Court": courts people attend, not streets they live on. */
const courtsOfLaw = new Set([
  'family',
  'crown',
  'county',
  'magistrates',
  'magistrates’',
  "magistrates'",
  'youth',
  'high',
  'coroner’s',
  "coroner's",
  'coroners',
  'supreme',
  'appeal',
  'tribunal',
]);

/**
 * A house number (1–3 digits, maybe a letter or a range: "12a", "12-14"), then up to four words.
 * Four-digit numbers are left out: they are years far more often ("in 2019 Church Street …").
 */
const numberedWords =
  /(?<![\w/.,£$€-])(?<number>\d{1,3}[a-z]?(?:\s?[-–]\s?\d{1,3}[a-z]?)?,?)(?:\s+[\p{L}'’-]+\.?){1,4}/giu;

const word = /[\p{L}'’-]+\.?/gu;
const capitalised = /^\p{Lu}/u;

/**
 * [ID7] Street addresses: a house number, one to three capitalised words of a street's name, and a
 * street word ("14 Acacia Avenue", "3 Mill Lane", "221b Baker St"). The capitals keep out "3 side
 * roads" and "2 way radio"; a name is needed, so "3 Court hearings" is not an address either.
 */
export function findAddresses(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const hit of text.matchAll(numberedWords)) {
    const offset = hit.groups?.number?.length ?? 0;
    const words = [...hit[0].slice(offset).matchAll(word)].map((part) => ({
      text: part[0],
      end: hit.index + offset + part.index + part[0].length,
    }));
    const last = streetEnd(words.map((part) => part.text));
    const ending = last === null ? undefined : words[last];
    if (ending) found.push({ kind: 'address', start: hit.index, end: ending.end });
  }
  return found;
}

/** The index of the street word that ends the longest plausible street name, or null. */
function streetEnd(words: string[]): number | null {
  for (let last = Math.min(words.length - 1, 3); last >= 1; last -= 1) {
    const street = (words[last] ?? '').replace(/\.$/, '').toLowerCase();
    const name = words.slice(0, last);
    if (!streetWords.has(street)) continue;
    if (!name.every((part) => capitalised.test(part) && !part.endsWith('.'))) continue;
    if (street === 'court' && courtsOfLaw.has((name.at(-1) ?? '').toLowerCase())) continue;
    return last;
  }
  return null;
}
