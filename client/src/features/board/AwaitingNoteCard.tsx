import type { AwaitingNote } from '../../realtime/anonymous-notes.ts';

/**
 * Your anonymous note, accepted by the server but not on the board yet: anonymous notes are
 * released in batches after a random few seconds (or at the reveal of a hidden step), so that the
 * moment a note appears does not point at whoever just pressed Post.
 */
export function AwaitingNoteCard({
  note,
  hiddenStep,
}: {
  note: AwaitingNote;
  hiddenStep: boolean;
}) {
  return (
    <li className="note note-own note-pending note-awaiting">
      <p className="note-text">{note.text}</p>
      <div className="note-foot">
        <p className="note-author">Anonymous (you)</p>
      </div>
      <p className="save-status save-waiting">
        <span className="save-icon" aria-hidden="true" />
        <span>
          {hiddenStep
            ? 'Posted anonymously. Only you see it until the facilitator reveals this step.'
            : 'Posting anonymously — it will appear within a few seconds.'}
        </span>
      </p>
    </li>
  );
}
