export interface Announcement {
  text: string;
  /** Changes with every announcement, so the same words twice are read twice. */
  serial: number;
}

/**
 * A polite live region that is always in the page (screen readers ignore regions that appear
 * together with their text). Keep announcements for outcomes, not for every keystroke.
 */
export function Announcer({ announcement }: { announcement: Announcement | undefined }) {
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {announcement ? `${announcement.text}${announcement.serial % 2 ? '\u00a0' : ''}` : ''}
    </p>
  );
}
