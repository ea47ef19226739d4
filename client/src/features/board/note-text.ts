import { noteTextMax } from '@reflectory/shared';

/** Show the count once a note is this close to the limit, so it does not distract before. */
const countFrom = Math.floor(noteTextMax * 0.8);

/** Characters as the server counts them: after trimming, emoji as one. */
export function noteLength(text: string): number {
  return [...text.trim()].length;
}

export function noteCountLabel(text: string): string | undefined {
  const length = noteLength(text);
  if (length < countFrom) return undefined;
  const max = noteTextMax.toLocaleString('en-GB');
  if (length <= noteTextMax) {
    return `${length.toLocaleString('en-GB')} of ${max} characters`;
  }
  return `${length.toLocaleString('en-GB')} of ${max} characters: ${(length - noteTextMax).toLocaleString('en-GB')} too many`;
}

/** A few words of a note, to tell its buttons apart when read out of context. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
