import { spansOf, type IdentifierMatch } from './kinds.ts';

/** The postcode areas of the UK, the Channel Islands and the Isle of Man. */
const areas = new Set(
  (
    'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE ' +
    'LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL ' +
    'SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

/**
 * The outward code's shapes: A9, A99, A9A, AA9, AA99, AA9A. The letter that may end a district
 * comes from a short list, which differs between one- and two-letter areas.
 */
function isOutwardCode(outward: string): boolean {
  const shape = /^([A-Z]{1,2})(\d)(\d|[A-Z])?$/.exec(outward);
  if (!shape) return false;
  const [, area = '', , tail] = shape;
  if (!areas.has(area)) return false;
  if (tail === undefined || /\d/.test(tail)) return true;
  return (area.length === 1 ? 'ABCDEFGHJKPSTUW' : 'ABEHMNPRVWXY').includes(tail);
}

/** The inward code: a digit and two letters, never C, I, K, M, O or V. */
const inward = '\\d[ABD-HJLNP-UW-Z]{2}';
const fullPostcode = new RegExp(
  `(?<![\\w-])(?<outward>[A-Z]{1,2}\\d[A-Z\\d]?)[ \\u00a0]?(?<inward>${inward})(?![\\w-])`,
  'gi',
);

/**
 * An outward code alone is ambiguous ("M1" is a motorway, "B12" a vitamin, "S3" a cloud service),
 * so it is flagged only where the words around it say it is a place: "postcode LS6", "lives in
 * SW1A", "the NG7 area".
 */
const cuedOutward =
  /\b(?:post\s?code|lives in|living in|lived in|moved to|moving to|address(?: is)?)[:\s]{1,3}(?:the\s{1,3})?(?<code>[A-Z]{1,2}\d[A-Z\d]?)(?![\w-])|\bthe\s{1,3}(?<area>[A-Z]{1,2}\d[A-Z\d]?)\s{1,3}(?:area|postcode|district)\b/dgi;

/** The outward codes that `cuedOutward` found, without their cue words. */
function cuedOutwardCodes(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const hit of text.matchAll(cuedOutward)) {
    const [start, end] = hit.indices?.groups?.code ?? hit.indices?.groups?.area ?? [];
    const code = hit.groups?.code ?? hit.groups?.area ?? '';
    if (start !== undefined && end !== undefined && isOutwardCode(code)) {
      found.push({ kind: 'postcode', start, end });
    }
  }
  return found;
}

/** [ID4] UK postcodes, full ("SW1A 1AA", "m1 1ae") or, where the context says so, outward only. */
export function findPostcodes(text: string): IdentifierMatch[] {
  const full = spansOf(fullPostcode, text, 'postcode', (hit) => {
    const written = hit[0];
    // Letters all in one case: "ward b2 2nd" or "Ab1 2cd" are not postcodes as people write them.
    if (written !== written.toUpperCase() && written !== written.toLowerCase()) return false;
    if (written === written.toLowerCase() && /^\d(?:st|nd|rd|th)$/.test(hit.groups?.inward ?? '')) {
      return false;
    }
    return isOutwardCode((hit.groups?.outward ?? '').toUpperCase());
  });
  return [...full, ...cuedOutwardCodes(text)];
}
