import type { BoardNoteView, Participant } from '@reflectory/shared';
import { useId, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import type { BoardActions } from './board-actions.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { excerpt } from './note-text.ts';
import type { NoteChangeEntry } from './pending-changes.ts';
import { saveIndicatorOf } from './save-state.ts';

interface Props {
  note: BoardNoteView;
  you: Participant;
  /** The session is open, so notes may change. */
  open: boolean;
  connected: boolean;
  /** This person's latest edit or delete of the note that the board does not show yet. */
  change: NoteChangeEntry | undefined;
  actions: BoardActions;
  /** Called as the note is being deleted, to move focus somewhere that stays. */
  onDeleting: () => void;
}

type Mode = 'view' | 'editing' | 'confirming-delete';

export function NoteCard({ note, you, open, connected, change, actions, onDeleting }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const confirmTextId = useId();

  const isOwn = note.authorId === you.id;
  const canEdit = open && isOwn;
  const canDelete = open && (isOwn || you.role === 'facilitator');
  const text = change?.name === 'note:edit' ? change.payload.text : note.text;
  const indicator = change ? saveIndicatorOf(change, connected) : undefined;
  const deleting = change?.name === 'note:delete' && change.state !== 'failed';
  const short = excerpt(text);

  function switchTo(next: Mode, focus: RefObject<HTMLElement | null>) {
    flushSync(() => setMode(next));
    focus.current?.focus();
  }

  if (mode === 'editing' && canEdit) {
    return (
      <li className="note note-own note-editing">
        <NoteEditor
          initialText={text}
          onSave={(edited) => {
            if (edited !== undefined) actions.editNote(note.id, edited);
            switchTo('view', editRef);
          }}
          onCancel={() => switchTo('view', editRef)}
        />
      </li>
    );
  }

  return (
    <li className={['note', isOwn ? 'note-own' : '', deleting ? 'note-deleting' : ''].join(' ')}>
      <p className="note-text">{text}</p>
      <div className="note-foot">
        <p className="note-author">
          {note.authorName ?? 'Anonymous'}
          {isOwn && ' (you)'}
          {note.editedAt !== undefined && <span className="muted"> · edited</span>}
        </p>
        {mode === 'view' && !deleting && (canEdit || canDelete) && (
          <div className="note-actions">
            {canEdit && (
              <button
                ref={editRef}
                className="link-button"
                type="button"
                onClick={() => setMode('editing')}
              >
                Edit<span className="visually-hidden"> note “{short}”</span>
              </button>
            )}
            {canDelete && (
              <button
                ref={deleteRef}
                className="link-button danger"
                type="button"
                onClick={() => switchTo('confirming-delete', confirmRef)}
              >
                Delete<span className="visually-hidden"> note “{short}”</span>
              </button>
            )}
          </div>
        )}
      </div>
      {mode === 'confirming-delete' && canDelete && (
        <div
          className="note-confirm"
          role="group"
          aria-labelledby={confirmTextId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') switchTo('view', deleteRef);
          }}
        >
          <p id={confirmTextId}>
            {isOwn
              ? 'Delete your note?'
              : `Delete ${note.authorName ? `${note.authorName}’s note` : 'this note'} for everyone?`}
          </p>
          <div className="note-actions">
            <button
              ref={confirmRef}
              className="button danger small"
              type="button"
              onClick={() => {
                onDeleting();
                setMode('view');
                actions.deleteNote(note.id);
              }}
            >
              Delete note
            </button>
            <button
              className="button quiet small"
              type="button"
              onClick={() => switchTo('view', deleteRef)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {indicator && <SaveStatus {...indicator} />}
      {change?.state === 'failed' && (
        <div className="note-actions">
          {open && (
            <button
              className="button small"
              type="button"
              onClick={() => actions.retry(change.commandId)}
            >
              Try again
            </button>
          )}
          <button
            className="button quiet small"
            type="button"
            onClick={() => actions.discard(change.commandId)}
          >
            {change.name === 'note:edit' ? 'Discard change' : 'Dismiss'}
          </button>
        </div>
      )}
    </li>
  );
}
