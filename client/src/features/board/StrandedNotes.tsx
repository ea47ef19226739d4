import type { BoardStepView } from '@reflectory/shared';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import type { BoardActions } from './board-actions.ts';
import type { AddEntry } from './pending-changes.ts';
import { saveIndicatorOf } from './save-state.ts';
import { takesNotes } from './session-view.ts';

interface Props {
  entries: readonly OutboxEntry[];
  /** The step the group is on now. */
  step: BoardStepView;
  /** You may post in the current step. */
  canPost: boolean;
  connected: boolean;
  actions: BoardActions;
}

/**
 * Notes you wrote for a step the group has since left, which the server did not take: the text is
 * kept, and can go into the current step as a new note, or be discarded.
 */
export function StrandedNotes({ entries, step, canPost, connected, actions }: Props) {
  const stranded = entries.filter(
    (entry): entry is AddEntry =>
      entry.name === 'note:add' && entry.payload.areaId !== step.id && entry.result === undefined,
  );
  if (stranded.length === 0) return null;
  return (
    <section className="area stranded" aria-labelledby="stranded-title">
      <h2 id="stranded-title">Your notes from an earlier step</h2>
      <p className="muted">
        The group moved on before these were posted. Nothing you wrote is lost.
      </p>
      <ul className="notes">
        {stranded.map((entry) => {
          const indicator = saveIndicatorOf(entry, connected);
          const anonymous = entry.payload.anonymous === true || entry.payload.secret !== undefined;
          return (
            <li key={entry.commandId} className="note note-own note-pending">
              <p className="note-text" dir="auto">
                {entry.payload.text}
              </p>
              {indicator && <SaveStatus {...indicator} />}
              {entry.state === 'failed' && (
                <div className="note-actions">
                  {canPost && takesNotes(step) && (
                    <button
                      className="button small"
                      type="button"
                      onClick={() => {
                        actions.addNote(step.id, entry.payload.text, anonymous);
                        actions.discard(entry.commandId);
                      }}
                    >
                      Post it in “{step.title}”
                    </button>
                  )}
                  <button
                    className="button quiet small"
                    type="button"
                    onClick={() => actions.discard(entry.commandId)}
                  >
                    Discard
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
