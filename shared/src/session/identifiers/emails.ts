import { spansOf, type IdentifierMatch } from './kinds.ts';

/**
 * A local part, an @, and a domain with at least one dot and a top-level label of letters. Loose
 * on purpose: anything shaped like an address is worth a second look.
 */
const email =
  /(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*\.[a-z]{2,}(?![\w-]|\.[a-z\d])/gi;

/** [ID6] Email addresses. */
export function findEmails(text: string): IdentifierMatch[] {
  return spansOf(email, text, 'email');
}
