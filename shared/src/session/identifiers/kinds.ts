/**
 * The kinds of identifier the guard looks for, each with its rule id. A match carries offsets
 * only, never the text it covered, so that nothing downstream can store or log what was found.
 */
export const identifierKinds = [
  'nhsNumber', // [ID1]
  'chiNumber', // [ID2]
  'dateOfBirth', // [ID3]
  'postcode', // [ID4]
  'phone', // [ID5]
  'email', // [ID6]
  'address', // [ID7]
  'titledName', // [ID8]
  'bedOrRoom', // [ID9]
] as const;

export type IdentifierKind = (typeof identifierKinds)[number];

/**
 * One thing in a text that may identify someone. `start` and `end` are offsets into the original
 * string as JavaScript counts them (UTF-16 code units, as `slice` and `setSelectionRange` take
 * them), `end` exclusive.
 */
export interface IdentifierMatch {
  kind: IdentifierKind;
  start: number;
  end: number;
}

/** Every match of a global regular expression, as the offsets of the whole match. */
export function spansOf(
  pattern: RegExp,
  text: string,
  kind: IdentifierKind,
  keep: (found: RegExpExecArray) => boolean = () => true,
): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const hit of text.matchAll(pattern)) {
    if (keep(hit)) found.push({ kind, start: hit.index, end: hit.index + hit[0].length });
  }
  return found;
}
