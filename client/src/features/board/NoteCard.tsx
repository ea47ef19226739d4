import type { BoardNoteView } from '@reflectory/shared';
import { useId, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import type { BoardActions } from './board-actions.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { excerpt } from './note-text.ts';
import type { NoteChangeEntry } from './pending-changes.ts';
import { saveIndicatorOf } from './save-state.ts';
import { noteDragType } from './theme-drag.ts';
import { VoteControl } from './VoteControl.tsx';
import type { NoteVotes } from './voting.ts';

export interface NoteCapabilities {
  /** This person wrote it (named: by id; anonymous: this browser holds its secret). */
  own: boolean;
  edit: boolean;
  delete: boolean;
  /** A facilitator may put it in the spotlight. */
  spotlight: boolean;
  /** Themes a facilitator may move it into (grouping steps only). */
  themes: ReadonlyArray<{ id: string; title: string }> | undefined;
}

interface Props {
  note: BoardNoteView;
  can: NoteCapabilities;
  connected: boolean;
  /** This person's latest edit or delete of the note that the board does not show yet. */
  change: NoteChangeEntry | undefined;
  actions: BoardActions;
  /** Called as the note is being deleted, to move focus somewhere that stays. */
  onDeleting: () => void;
  spotlit?: boolean;
  /** Your own note that nobody else sees until the facilitator reveals the step. */
  hiddenUntilReveal?: boolean;
  votes?: NoteVotes | undefined;
  /** Votes it received, once voting has closed. */
  tally?: number | undefined;
  /** Written in an earlier round of this step. */
  roundLabel?: string | undefined;
}

type Mode = 'view' | 'editing' | 'confirming-delete' | 'moving';

export function NoteCard(props: Props) {
  const { note, can, connected, change, actions, onDeleting, spotlit = false } = props;
  const [mode, setMode] = useState<Mode>('view');
  const editRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const moveRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const moveSelectRef = useRef<HTMLSelectElement>(null);
  const confirmTextId = useId();
  const moveSelectId = useId();

  const text = change?.name === 'note:edit' ? change.payload.text : note.text;
  const indicator = change ? saveIndicatorOf(change, connected) : undefined;
  const deleting = change?.name === 'note:delete' && change.state !== 'failed';
  // An anonymous author's change, once accepted, waits for the next batch release like a new
  // anonymous note, so that its moment says nothing about who made it.
  const waitingForRelease = note.anonymous && change?.state === 'saved';
  const short = excerpt(text);
  const themes = can.themes;
  const author = note.anonymous ? 'Anonymous' : (note.authorName ?? 'Someone');

  function switchTo(next: Mode, focus: RefObject<HTMLElement | null>) {
    flushSync(() => setMode(next));
    focus.current?.focus();
  }

  if (mode === 'editing' && can.edit) {
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

  const classes = [
    'note',
    can.own ? 'note-own' : '',
    deleting ? 'note-deleting' : '',
    spotlit ? 'note-spotlit' : '',
    props.hiddenUntilReveal ? 'note-private' : '',
  ];
  const draggable = themes !== undefined && mode === 'view' && !deleting;

  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-note-id={note.id}
      draggable={draggable || undefined}
      onDragStart={
        draggable
          ? (event) => {
              event.dataTransfer.setData(noteDragType, note.id);
              event.dataTransfer.setData('text/plain', text);
              event.dataTransfer.effectAllowed = 'move';
            }
          : undefined
      }
    >
      {(spotlit || props.hiddenUntilReveal || props.roundLabel) && (
        <p className="note-flags">
          {spotlit && (
            <span className="note-flag flag-spotlight">
              <span aria-hidden="true">★ </span>In the spotlight
            </span>
          )}
          {props.hiddenUntilReveal && (
            <span className="note-flag">Only you see this until the reveal</span>
          )}
          {props.roundLabel && <span className="note-flag">{props.roundLabel}</span>}
        </p>
      )}
      <p className="note-text" dir="auto">
        {text}
      </p>
      <div className="note-foot">
        <p className="note-author">
          {author}
          {can.own && ' (you)'}
          {note.editedAt !== undefined && <span className="muted"> · edited</span>}
        </p>
        {props.tally !== undefined && (
          <p className="note-tally">
            {props.tally} {props.tally === 1 ? 'vote' : 'votes'}
          </p>
        )}
        {mode === 'view' && !deleting && (can.edit || can.delete || can.spotlight || themes) && (
          <div className="note-actions">
            {can.edit && (
              <button
                ref={editRef}
                className="link-button"
                type="button"
                onClick={() => setMode('editing')}
              >
                Edit<span className="visually-hidden"> note “{short}”</span>
              </button>
            )}
            {can.delete && (
              <button
                ref={deleteRef}
                className="link-button danger"
                type="button"
                onClick={() => switchTo('confirming-delete', confirmRef)}
              >
                Delete<span className="visually-hidden"> note “{short}”</span>
              </button>
            )}
            {can.spotlight && (
              <button
                className="link-button"
                type="button"
                aria-pressed={spotlit}
                onClick={() => actions.send('note:spotlight', { noteId: spotlit ? null : note.id })}
              >
                Spotlight<span className="visually-hidden"> note “{short}”</span>
              </button>
            )}
            {themes && themes.length > 0 && (
              <button
                ref={moveRef}
                className="link-button"
                type="button"
                onClick={() => switchTo('moving', moveSelectRef)}
              >
                Move to theme…<span className="visually-hidden"> (note “{short}”)</span>
              </button>
            )}
          </div>
        )}
      </div>
      {props.votes && (
        <VoteControl noteId={note.id} short={short} votes={props.votes} actions={actions} />
      )}
      {mode === 'moving' && themes && (
        <form
          className="note-move"
          onSubmit={(event) => {
            event.preventDefault();
            const value = moveSelectRef.current?.value ?? '';
            const groupId = value === '' ? null : value;
            if (groupId !== note.groupId) actions.send('note:group', { noteId: note.id, groupId });
            switchTo('view', moveRef);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') switchTo('view', moveRef);
          }}
        >
          <label className="field-label" htmlFor={moveSelectId}>
            Move note “{short}” to
          </label>
          <div className="note-actions">
            <select
              ref={moveSelectRef}
              id={moveSelectId}
              className="select small"
              defaultValue={note.groupId ?? ''}
            >
              <option value="">Not in a theme</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.title}
                </option>
              ))}
            </select>
            <button className="button small primary" type="submit">
              Move
            </button>
            <button
              className="button quiet small"
              type="button"
              onClick={() => switchTo('view', moveRef)}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'confirming-delete' && can.delete && (
        <div
          className="note-confirm"
          role="group"
          aria-labelledby={confirmTextId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') switchTo('view', deleteRef);
          }}
        >
          <p id={confirmTextId}>
            {can.own
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
      {waitingForRelease && (
        <SaveStatus
          tone="waiting"
          label={
            change.name === 'note:delete'
              ? 'Deleted: it leaves the board with the next batch of anonymous changes.'
              : 'Saved: the change shows for everyone with the next batch of anonymous changes.'
          }
        />
      )}
      {change?.state === 'failed' && (
        <div className="note-actions">
          {can.edit && (
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
