import { spansOf, type IdentifierMatch } from './kinds.ts';

/**
 * Where one patient or resident sleeps or is nursed. A bay holds several, so a bay counts only
 * with its bed ("bay 3 bed 2"); "moved him to bay 3" is left alone.
 */
const single = '(?:side[\\s-]?rooms?|rooms?|rm|beds?(?:\\s?space)?|cubicles?)';
const number = '\\.?\\s*(?:no\\.?\\s*|number\\s+|#\\s*)?\\d{1,3}[a-z]?(?![\\w]|[.:,/]\\d)';
const unit = `${single}${number}`;

/**
 * Rooms named for what happens in them (a meeting room, the family room) are not anyone's room.
 */
const sharedRooms =
  'meeting|training|seminar|conference|interview|class|staff|teaching|board|break|store|server|escape|counselling|quiet|family|visitors|day|waiting|consulting|therapy|sensory|clinic|treatment|changing|sluice|rest|tea|music|art|it|computer|science|exam|sports|drama|dining|common';

const bedOrRoom = new RegExp(
  `(?<!\\b(?:${sharedRooms})\\s{1,3})(?<![\\w-])(?:bays?${number},?\\s+)?${unit}(?:,?\\s+${unit})*(?:\\s+and\\s+\\d{1,3}[a-z]?(?![\\w]|[.:,/]\\d))?`,
  'gi',
);

/**
 * A plain "room 14" is a resident's room in a care home and a meeting room or a classroom
 * elsewhere. When the sentence it is in talks of meeting, teaching or training there, it is
 * taken to be the second.
 */
const roomInUse =
  /\b(?:meet(?:ing|ings|s)?|met|lessons?|class(?:es)?|standups?|stand-ups?|huddles?|training|workshops?|seminars?|retros?|sessions?|book(?:ed|ing)|timetabled?|assembly|interviews?)\b/i;

function isPlainRoom(found: string): boolean {
  return /^(?:rooms?|rm)\b/i.test(found);
}

/** The sentence around `index`: from the last full stop, question or exclamation mark, or line. */
function sentenceAround(text: string, index: number, end: number): string {
  const before = text.slice(0, index);
  const start = Math.max(...['.', '!', '?', '\n'].map((mark) => before.lastIndexOf(mark))) + 1;
  const after = text.slice(end).search(/[.!?\n](?:\s|$)/);
  return text.slice(start, after === -1 ? text.length : end + after);
}

/**
 * [ID9] Bed and room numbers: "bed 4", "bay 3 bed 2", "side room 5", "room 12". Without a number
 * these are ordinary words ("bed rest", "room for improvement").
 */
export function findBedsAndRooms(text: string): IdentifierMatch[] {
  return spansOf(bedOrRoom, text, 'bedOrRoom', (hit) => {
    if (!isPlainRoom(hit[0])) return true;
    return !roomInUse.test(sentenceAround(text, hit.index, hit.index + hit[0].length));
  });
}
