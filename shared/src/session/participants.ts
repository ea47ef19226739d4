import { z } from 'zod';

export { Role, isFacilitating, roleLabel, roleSchema } from './roles.ts';

export const displayNameMax = 40;
export const sessionTitleMax = 120;

// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const controlCharacters = /[\u0000-\u001f\u007f]+/g;

/** Collapses runs of white space and drops control characters, then trims. */
export function cleanText(value: string): string {
  return value.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
}

/** [P1] A display name is 1–40 characters after trimming. */
export const displayNameSchema = z
  .string()
  .max(400)
  .transform(cleanText)
  .refine((name) => name.length >= 1, 'Please enter your name.')
  .refine(
    (name) => [...name].length <= displayNameMax,
    `A name can be at most ${displayNameMax} characters.`,
  );

/** [P2] A session title is 1–120 characters after trimming. */
export const sessionTitleSchema = z
  .string()
  .max(1200)
  .transform(cleanText)
  .refine((title) => title.length >= 1, 'Please give the session a title.')
  .refine(
    (title) => [...title].length <= sessionTitleMax,
    `A title can be at most ${sessionTitleMax} characters.`,
  );

/**
 * Roster colours: a fixed palette with enough contrast on white for text, assigned in turn. The
 * roster always shows the name beside the colour, so colour is never the only cue.
 */
export const participantColours = [
  '#1f4e5f',
  '#8a3b12',
  '#5b2a86',
  '#1e6b3a',
  '#9b1d4a',
  '#2f4f9e',
  '#6b5300',
  '#00636b',
] as const;

export function colourFor(index: number): string {
  return participantColours[Math.abs(index) % participantColours.length] ?? participantColours[0];
}
