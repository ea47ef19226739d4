import { groupTitleMax, type BoardNoteView, type BoardStepView } from '@reflectory/shared';
import { useId, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { BoardActions } from './board-actions.ts';
import { noteDragType } from './theme-drag.ts';

interface Theme {
  id: string;
  title: string;
}

interface Props {
  step: BoardStepView;
  themes: readonly Theme[];
  /** The step's notes on the board, in display order. */
  notes: readonly BoardNoteView[];
  /** Your own notes that are not on the board yet; they join a theme once they are. */
  yours: readonly ReactNode[];
  /** A facilitator arranges: creates, renames and deletes themes and moves notes between them. */
  arranging: boolean;
  actions: BoardActions;
  renderNote: (note: BoardNoteView) => ReactNode;
  /** When sorting by votes: a note's votes; themes are then ordered by their notes' total. */
  votesOf?: ((note: BoardNoteView) => number) | undefined;
}

/**
 * The step's notes in themes, each a labelled group. Facilitators move notes by dragging them onto
 * a theme, or from the keyboard with each note's "Move to theme…".
 */
export function Themes(props: Props) {
  const { step, notes, yours, arranging, actions, renderNote, votesOf } = props;
  const known = new Set(props.themes.map((theme) => theme.id));
  const total = (theme: Theme) =>
    notes
      .filter((note) => note.groupId === theme.id)
      .reduce((sum, note) => sum + Math.max(0, votesOf?.(note) ?? 0), 0);
  const themes = votesOf ? [...props.themes].sort((a, b) => total(b) - total(a)) : props.themes;
  const loose = notes.filter((note) => note.groupId === null || !known.has(note.groupId));
  return (
    <div className="themes">
      {arranging && <NewThemeForm stepId={step.id} actions={actions} />}
      {themes.length === 0 && !arranging && (
        <p className="muted">The facilitator can gather the notes into themes.</p>
      )}
      {themes.map((theme) => (
        <ThemeGroup
          key={theme.id}
          theme={theme}
          arranging={arranging}
          actions={actions}
          count={notes.filter((note) => note.groupId === theme.id).length}
        >
          {notes.filter((note) => note.groupId === theme.id).map(renderNote)}
        </ThemeGroup>
      ))}
      <ThemeGroup
        theme={undefined}
        arranging={arranging}
        actions={actions}
        count={loose.length + yours.length}
      >
        {yours}
        {loose.map(renderNote)}
      </ThemeGroup>
    </div>
  );
}

function NewThemeForm({ stepId, actions }: { stepId: string; actions: BoardActions }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();
  const inputId = useId();
  const errorId = useId();
  function create(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '' || [...trimmed].length > groupTitleMax) {
      setError(`A theme needs a title of 1 to ${groupTitleMax} characters.`);
      return;
    }
    actions.send('group:create', { stepId, title: trimmed });
    setTitle('');
    setError(undefined);
  }
  return (
    <form className="new-theme" noValidate onSubmit={create}>
      <label className="field-label" htmlFor={inputId}>
        New theme
      </label>
      <div className="copy-row">
        <input
          id={inputId}
          className="text-input"
          value={title}
          maxLength={groupTitleMax * 2}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(undefined);
          }}
        />
        <button className="button small" type="submit">
          Add theme
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

interface GroupProps {
  /** Undefined for the notes in no theme. */
  theme: Theme | undefined;
  arranging: boolean;
  actions: BoardActions;
  count: number;
  children: ReactNode;
}

function ThemeGroup({ theme, arranging, actions, count, children }: GroupProps) {
  const headingId = useId();
  const renameId = useId();
  const [target, setTarget] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState('');
  const renameRef = useRef<HTMLInputElement>(null);
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const title = theme?.title ?? 'Not in a theme';
  const groupId = theme?.id ?? null;

  const accepts = (event: DragEvent) =>
    arranging && event.dataTransfer.types.includes(noteDragType);
  const dropHandlers = arranging
    ? {
        onDragEnter: (event: DragEvent) => {
          if (accepts(event)) setTarget(true);
        },
        onDragOver: (event: DragEvent) => {
          if (!accepts(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        },
        onDragLeave: (event: DragEvent) => {
          const next = event.relatedTarget;
          if (!(next instanceof Node) || !event.currentTarget.contains(next)) setTarget(false);
        },
        onDrop: (event: DragEvent) => {
          setTarget(false);
          const noteId = event.dataTransfer.getData(noteDragType);
          if (!noteId) return;
          event.preventDefault();
          actions.send('note:group', { noteId, groupId });
        },
      }
    : {};

  function startRenaming() {
    flushSync(() => {
      setDraft(theme?.title ?? '');
      setRenaming(true);
    });
    renameRef.current?.select();
  }

  function stopRenaming() {
    flushSync(() => setRenaming(false));
    renameButtonRef.current?.focus();
  }

  return (
    <section
      className={`theme${theme ? '' : ' theme-none'}${target ? ' theme-drop-target' : ''}`}
      aria-labelledby={headingId}
      {...dropHandlers}
    >
      <div className="theme-header">
        <h3 id={headingId}>{title}</h3>
        <p className="area-count">
          {count} {count === 1 ? 'note' : 'notes'}
        </p>
      </div>
      {arranging && theme && !renaming && (
        <div className="note-actions">
          <button
            ref={renameButtonRef}
            className="link-button"
            type="button"
            onClick={startRenaming}
          >
            Rename<span className="visually-hidden"> theme “{theme.title}”</span>
          </button>
          <button
            className="link-button danger"
            type="button"
            onClick={() => actions.send('group:delete', { groupId: theme.id })}
          >
            Delete theme<span className="visually-hidden"> “{theme.title}” (its notes stay)</span>
          </button>
        </div>
      )}
      {arranging && theme && renaming && (
        <form
          className="theme-rename"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = draft.trim();
            if (trimmed !== '' && trimmed !== theme.title && [...trimmed].length <= groupTitleMax) {
              actions.send('group:rename', { groupId: theme.id, title: trimmed });
            }
            stopRenaming();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') stopRenaming();
          }}
        >
          <label className="field-label" htmlFor={renameId}>
            Theme title
          </label>
          <div className="copy-row">
            <input
              ref={renameRef}
              id={renameId}
              className="text-input"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
            <button className="button small primary" type="submit">
              Save
            </button>
            <button className="button small quiet" type="button" onClick={stopRenaming}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {count === 0 ? (
        <p className="area-empty">
          {arranging
            ? theme
              ? 'Drag notes here, or use a note’s “Move to theme…”.'
              : 'None.'
            : 'No notes.'}
        </p>
      ) : (
        <ul className="notes" aria-labelledby={headingId}>
          {children}
        </ul>
      )}
    </section>
  );
}
