import type { IdentifierMatch } from './kinds.ts';

/**
 * Abbreviated titles, written "Dr" or "dr" (not "DR", nor "MS" as in multiple sclerosis or MS
 * Teams), and titles that are words, which must be capitalised ("my sister Jo" is not a title).
 */
const abbreviated = ['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Rev', 'Revd', 'Fr', 'Cllr'];
// Not Sir or Dame: with a first name after them they are nearly always public figures quoted.
// Chaplains and faith leaders visit wards and homes and are named in reflections as often as staff.
const worded = [
  'Miss',
  'Doctor',
  'Professor',
  'Nurse',
  'Sister',
  'Matron',
  'Father',
  'Imam',
  'Rabbi',
  'Pastor',
];
const titles = [...abbreviated.flatMap((title) => [title, title.toLowerCase()]), ...worded].join(
  '|',
);

/** A surname: capitalised, two letters at least, with Mc/Mac, O', hyphens and apostrophes. */
const surname = "\\p{Lu}(?:['’]\\p{Lu})?\\p{Ll}*(?:\\p{Lu}\\p{Ll}+)?(?:[-'’]\\p{Lu}\\p{Ll}+)*";
const initials = '(?:\\p{Lu}\\.?\\s*){0,3}';
const titledName = new RegExp(
  `(?<![\\p{L}\\d])(?<title>${titles})\\.?\\s+(?<initials>${initials})(?<name>${surname})(?![\\p{L}\\d])`,
  'gu',
);

const isTitle = new RegExp(`^(?:${titles})$`, 'u');

/**
 * Words that follow a title without being a person: well-known fictional and brand names (a real
 * Mrs Doubtfire is unlikely; a film is not), roles ("Nurse Practitioner"), software ("Ms Teams")
 * and words that start a sentence after "Dr." ("I asked the Dr. Then …").
 */
const notNames = new Set([
  'Who',
  'Doubtfire',
  'Tumble',
  'Blobby',
  'Men',
  'Motivator',
  'Pepper',
  'Martens',
  'Christmas',
  'Right',
  'Teams',
  'Ratched',
  'Practitioner',
  'Practitioners',
  'Specialist',
  'Specialists',
  'Consultant',
  'Consultants',
  'Associate',
  'Associates',
  'Manager',
  'Lead',
  'Leads',
  'Educator',
  'Advocate',
  'Prescriber',
  'Director',
  'Bank',
  'Training',
  'Apprentice',
  'Apprentices',
  'Champion',
  'Champions',
  'The',
  'Then',
  'And',
  'But',
  'So',
  'We',
  'I',
  'It',
  'He',
  'She',
  'They',
  'This',
  'That',
  'On',
  'In',
  'At',
  'If',
  'When',
  'After',
  'Before',
  'Today',
  'Yesterday',
  'Tomorrow',
  'Later',
  'Afterwards',
  'Next',
  'Also',
  'There',
  'Our',
  'My',
  'His',
  'Her',
  'Their',
  'You',
  'Everyone',
]);

/**
 * [ID8] A title followed by a name: "Mrs Patel", "Dr Okafor", "Mr J. Smith", "Nurse Adams",
 * "Sister Jones". A title alone ("the Dr said") or with an initial only ("Mrs A", the usual way
 * to de-identify) is not flagged. Names without a title are beyond this rule.
 */
export function findTitledNames(text: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const hit of text.matchAll(titledName)) {
    const name = hit.groups?.name ?? '';
    const letters = name.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2 || notNames.has(name) || isTitle.test(name)) continue;
    found.push({ kind: 'titledName', start: hit.index, end: hit.index + hit[0].length });
  }
  return found;
}
