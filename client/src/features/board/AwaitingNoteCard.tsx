import type { AwaitingNote } from '../../realtime/anonymous-notes.ts';

/**
 * Your anonymous note, accepted by the server but not on the board yet: anonymous notes leave in
 * batches of several people's notes, at a random moment (or at the reveal of a hidden step), so
 * that the moment a note appears does not point at whoever just pressed Post.
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
      <p className="note-text" dir="auto">
        {note.text}
      </p>
      <div className="note-foot">
        <p className="note-author">Anonymous (you)</p>
      </div>
      <p className="save-status save-waiting">
        <span className="save-icon" aria-hidden="true" />
        <span>
          {hiddenStep
            ? 'Posted anonymously. Only you see it until the facilitator reveals this step; if too few people wrote anonymously by then, it comes back to you.'
            : 'Posted anonymously. It appears together with others’ anonymous notes once a few people have written; if too few have when the step ends, it comes back to you.'}
        </span>
      </p>
    </li>
  );
}
