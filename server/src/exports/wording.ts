/** Dates and counts as exports print them: UTC, unambiguous in every locale. */

export function readableDate(iso: string): string {
  return iso.slice(0, 10);
}

export function readableDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function voteCount(votes: number): string {
  return `${votes} ${votes === 1 ? 'vote' : 'votes'}`;
}

/**
 * A download's file name: "reflectory-<title>-<date>.<ext>", the title reduced to lower-case
 * ASCII letters, digits and dashes, so the header needs no quoting tricks.
 */
export function exportFileName(title: string, createdAt: string, extension: string): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'session';
  return `reflectory-${slug}-${readableDate(createdAt)}.${extension}`;
}
