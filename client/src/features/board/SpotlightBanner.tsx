import type { BoardView } from '@reflectory/shared';

/** The note a facilitator put in the spotlight, at the top of everyone's board. */
export function SpotlightBanner({ view }: { view: BoardView }) {
  const note = view.notes.find((candidate) => candidate.id === view.spotlight);
  if (!note) return null;
  return (
    <section className="spotlight" aria-label="In the spotlight">
      <p className="spotlight-label">
        <span aria-hidden="true">★ </span>In the spotlight
      </p>
      <p className="spotlight-text" dir="auto">
        {note.text}
      </p>
      <p className="note-author">{note.anonymous ? 'Anonymous' : (note.authorName ?? 'Someone')}</p>
    </section>
  );
}
