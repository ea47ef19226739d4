import { spansOf, type IdentifierMatch } from './kinds.ts';

/** Where a patient or resident sleeps or is nursed: a bed, a bay, a side room, a room, a cubicle. */
const place = '(?:side[\\s-]?rooms?|rooms?|rm|beds?(?:\\s?space)?|bays?|cubicles?)';
const number = '\\.?\\s*(?:no\\.?\\s*|number\\s+|#\\s*)?\\d{1,3}[a-z]?(?![\\w]|[.:,/]\\d)';

/**
 * Rooms named for what happens in them (a meeting room, the family room) are not anyone's room,
 * and a loading bay is not a bed bay.
 */
const sharedRooms =
  'meeting|training|seminar|conference|interview|class|staff|teaching|board|break|store|server|escape|counselling|quiet|family|visitors|day|waiting|consulting|therapy|sensory|clinic|treatment|changing|sluice|loading|parking|rest|tea|music|art|it|computer|science|exam|sports|drama|dining|common';

const bedOrRoom = new RegExp(
  `(?<!\\b(?:${sharedRooms})\\s+)(?<![\\w-])${place}${number}(?:,?\\s+${place}${number})*(?:\\s+and\\s+\\d{1,3}[a-z]?(?![\\w]|[.:,/]\\d))?`,
  'gi',
);

/**
 * [ID9] Bed, bay and room numbers: "bed 4", "bay 3 bed 2", "side room 5", "room 12". Without a
 * number these are ordinary words ("bed rest", "room for improvement").
 */
export function findBedsAndRooms(text: string): IdentifierMatch[] {
  return spansOf(bedOrRoom, text, 'bedOrRoom');
}
