import type { BoardStepView } from '@reflectory/shared';
import type { AwaitingNote } from '../../realtime/anonymous-notes.ts';
import type { BoardActions } from './board-actions.ts';
import { takesNotes } from './session-view.ts';

interface Props {
  returned: readonly AwaitingNote[];
  /** The step the group is on now. */
  step: BoardStepView;
  /** You may post in the current step. */
  canPost: boolean;
  actions: BoardActions;
  onDismiss: (noteId: string) => void;
}

/**
 * Your anonymous notes the server gave back unshown (rules AR3–AR5): too few people wrote
 * anonymously in their batch for the note to stay anonymous. The text is kept here, in this
 * browser only, to post again (anonymously or with your name) or to let go.
 */
export function ReturnedNotes({ returned, step, canPost, actions, onDismiss }: Props) {
  if (returned.length === 0) return null;
  const postable = canPost && takesNotes(step);
  return (
    <section className="area stranded" aria-labelledby="returned-title">
      <h2 id="returned-title">Anonymous notes given back to you</h2>
      <p className="muted">
        Too few people wrote anonymously at the same time for these to stay anonymous, so nobody saw
        them. Only you can see them here.
      </p>
      <ul className="notes">
        {returned.map((note) => (
          <li key={note.noteId} className="note note-own note-pending">
            <p className="note-text" dir="auto">
              {note.text}
            </p>
            <div className="note-actions">
              {postable && (
                <button
                  className="button small"
                  type="button"
                  onClick={() => {
                    actions.addNote(step.id, note.text, true);
                    onDismiss(note.noteId);
                  }}
                >
                  Post anonymously in “{step.title}”
                </button>
              )}
              {postable && (
                <button
                  className="button quiet small"
                  type="button"
                  onClick={() => {
                    actions.addNote(step.id, note.text, false);
                    onDismiss(note.noteId);
                  }}
                >
                  Post with my name
                </button>
              )}
              <button
                className="button quiet small"
                type="button"
                onClick={() => onDismiss(note.noteId)}
              >
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
