import { actionTextMax, type BoardActionView, type Presence } from '@reflectory/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { BoardActions } from './board-actions.ts';
import { formatDue } from '../../ui/format-due.ts';

interface Props {
  items: readonly BoardActionView[];
  /** People who can own an action: those here now. */
  people: readonly Presence[];
  /** Facilitators write the actions; everyone else reads them. */
  editable: boolean;
  actions: BoardActions;
}

function ownerLabel(owner: BoardActionView['owner']): string {
  return owner.kind === 'team' ? 'The team' : owner.name || 'Someone who has left';
}

/** The session's actions: what, who and by when. */
export function ActionsPanel({ items, people, editable, actions }: Props) {
  const headingId = useId();
  return (
    <section className="area actions-area" aria-labelledby={headingId}>
      <div className="area-header">
        <h2 id={headingId}>Actions</h2>
        <p className="area-count">
          {items.length} {items.length === 1 ? 'action' : 'actions'}
        </p>
      </div>
      {editable && (
        <ActionForm
          people={people}
          submitLabel="Add action"
          onSubmit={(fields) => actions.send('action:add', fields)}
        />
      )}
      {items.length === 0 ? (
        <p className="area-empty">
          {editable ? 'No actions yet.' : 'No actions yet; the facilitator writes them here.'}
        </p>
      ) : (
        <ul className="action-list" aria-labelledby={headingId}>
          {items.map((item) => (
            <ActionItem
              key={item.id}
              item={item}
              people={people}
              editable={editable}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionItem({
  item,
  people,
  editable,
  actions,
}: {
  item: BoardActionView;
  people: readonly Presence[];
  editable: boolean;
  actions: BoardActions;
}) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  function stop() {
    flushSync(() => setEditing(false));
    editRef.current?.focus();
  }
  if (editing && editable) {
    return (
      <li className="action-item action-editing">
        <ActionForm
          people={people}
          initial={item}
          submitLabel="Save action"
          onSubmit={(fields) => {
            actions.send('action:edit', { actionId: item.id, ...fields });
            stop();
          }}
          onCancel={stop}
        />
      </li>
    );
  }
  return (
    <li className="action-item">
      <p className="action-text">{item.text}</p>
      <dl className="action-meta">
        <div>
          <dt>Owner</dt>
          <dd>{ownerLabel(item.owner)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{item.due ? formatDue(item.due) : 'No date'}</dd>
        </div>
      </dl>
      {editable && (
        <div className="note-actions">
          <button
            ref={editRef}
            className="link-button"
            type="button"
            onClick={() => setEditing(true)}
          >
            Edit<span className="visually-hidden"> action “{item.text}”</span>
          </button>
          <button
            className="link-button danger"
            type="button"
            onClick={() => actions.send('action:remove', { actionId: item.id })}
          >
            Remove<span className="visually-hidden"> action “{item.text}”</span>
          </button>
        </div>
      )}
    </li>
  );
}

interface Fields {
  text: string;
  owner: { kind: 'participant' | 'team'; participantId: string | null };
  due: string | null;
}

function ActionForm({
  people,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  people: readonly Presence[];
  initial?: BoardActionView;
  submitLabel: string;
  onSubmit: (fields: Fields) => void;
  onCancel?: () => void;
}) {
  const textId = useId();
  const ownerId = useId();
  const dueId = useId();
  const errorId = useId();
  const textRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initial?.text ?? '');
  const [owner, setOwner] = useState(
    initial?.owner.kind === 'participant' ? (initial.owner.participantId ?? 'team') : 'team',
  );
  const [due, setDue] = useState(initial?.due ?? '');
  const [error, setError] = useState<string>();

  const candidates = people.filter((person) => person.role !== 'observer');
  const missingOwner =
    initial?.owner.kind === 'participant' &&
    initial.owner.participantId !== null &&
    !candidates.some((person) => person.participantId === initial.owner.participantId)
      ? { participantId: initial.owner.participantId, name: initial.owner.name }
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '' || [...trimmed].length > actionTextMax) {
      setError(`An action needs 1 to ${actionTextMax} characters.`);
      textRef.current?.focus();
      return;
    }
    onSubmit({
      text: trimmed,
      owner:
        owner === 'team'
          ? { kind: 'team', participantId: null }
          : { kind: 'participant', participantId: owner },
      due: due === '' ? null : due,
    });
    if (!initial) {
      setText('');
      setDue('');
      setOwner('team');
    }
    setError(undefined);
  }

  return (
    <form
      className="action-form"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) onCancel();
      }}
    >
      <div className="field">
        <label htmlFor={textId}>{initial ? 'Action' : 'New action'}</label>
        <input
          ref={textRef}
          id={textId}
          value={text}
          autoComplete="off"
          autoFocus={initial !== undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setError(undefined);
          }}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="action-form-row">
        <div className="field">
          <label htmlFor={ownerId}>Owner</label>
          <select
            id={ownerId}
            className="select"
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
          >
            <option value="team">The team</option>
            {candidates.map((person) => (
              <option key={person.participantId} value={person.participantId}>
                {person.name}
              </option>
            ))}
            {missingOwner && (
              <option value={missingOwner.participantId}>{missingOwner.name}</option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={dueId}>Due date (optional)</label>
          <input
            id={dueId}
            type="date"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
        </div>
      </div>
      <div className="note-actions">
        <button className="button small primary" type="submit">
          {submitLabel}
        </button>
        {onCancel && (
          <button className="button small quiet" type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
