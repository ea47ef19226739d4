import type { Participant } from '@reflectory/shared';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import type { BoardActions } from './board-actions.ts';
import type { AddEntry } from './pending-changes.ts';
import { saveIndicatorOf } from './save-state.ts';

interface Props {
  entry: AddEntry;
  you: Participant;
  open: boolean;
  connected: boolean;
  actions: BoardActions;
}

/** A note this person added that is not on the board yet, shown from the outbox. */
export function PendingNoteCard({ entry, you, open, connected, actions }: Props) {
  const indicator = saveIndicatorOf(entry, connected);
  return (
    <li className={`note note-own note-pending${entry.state === 'failed' ? ' note-failed' : ''}`}>
      <p className="note-text" dir="auto">
        {entry.payload.text}
      </p>
      <div className="note-foot">
        <p className="note-author">{entry.payload.secret ? 'Anonymous' : you.displayName} (you)</p>
      </div>
      {indicator && <SaveStatus {...indicator} />}
      {entry.state === 'failed' && (
        <div className="note-actions">
          {open && (
            <button
              className="button small"
              type="button"
              onClick={() => actions.retry(entry.commandId)}
            >
              Try again
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
}
