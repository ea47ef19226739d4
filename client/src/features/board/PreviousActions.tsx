import {
  checkReviewNote,
  reviewNoteMax,
  type BoardPreviousActionView,
  type ReviewOutcome,
} from '@reflectory/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import { formatDue } from '../../ui/format-due.ts';
import type { BoardActions } from './board-actions.ts';
import { decisionText, historyLine, ownerText } from './previous-actions-text.ts';
import { saveIndicatorOf } from './save-state.ts';

type ReviewEntry = Extract<OutboxEntry, { name: 'previous:review' }>;

interface Props {
  items: readonly BoardPreviousActionView[];
  /** Facilitators record the group's decisions while the session is open; everyone reads them. */
  editable: boolean;
  entries: readonly OutboxEntry[];
  connected: boolean;
  actions: BoardActions;
}

/**
 * The team's open actions from earlier sessions: each with its owner, date, where it came from and
 * what happened to it since, and what the group decides about it now.
 */
export function PreviousActions({ items, editable, entries, connected, actions }: Props) {
  const headingId = useId();
  const decided = items.filter((item) => item.decision !== null).length;
  const reviews = entries.filter((entry): entry is ReviewEntry => entry.name === 'previous:review');
  return (
    <section className="area previous-actions-area" aria-labelledby={headingId}>
      <div className="area-header">
        <h2 id={headingId}>Actions from earlier sessions</h2>
        <p className="area-count">
          {decided} of {items.length} decided
        </p>
      </div>
      {items.length === 0 ? (
        <p className="area-empty">No open actions from earlier sessions.</p>
      ) : (
        <ul className="action-list" aria-labelledby={headingId}>
          {items.map((item) => (
            <PreviousActionItem
              key={item.id}
              item={item}
              editable={editable}
              sending={reviews.filter((entry) => entry.payload.actionId === item.id).at(-1)}
              connected={connected}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PreviousActionItem({
  item,
  editable,
  sending,
  connected,
  actions,
}: {
  item: BoardPreviousActionView;
  editable: boolean;
  sending: ReviewEntry | undefined;
  connected: boolean;
  actions: BoardActions;
}) {
  const titleId = useId();
  const historyId = useId();
  const [carrying, setCarrying] = useState(false);
  const carryRef = useRef<HTMLButtonElement>(null);
  const outcome = item.decision?.outcome;
  // Refusals are listed with the other commands' problems; here only what is on its way.
  const indicator =
    sending && sending.state === 'pending' ? saveIndicatorOf(sending, connected) : undefined;

  function review(next: ReviewOutcome, note?: string) {
    actions.send('previous:review', {
      actionId: item.id,
      outcome: next,
      ...(note === undefined ? {} : { note }),
    });
  }
  function stopCarrying() {
    flushSync(() => setCarrying(false));
    carryRef.current?.focus();
  }

  return (
    <li className={`action-item previous-action decision-${outcome ?? 'none'}`}>
      <h3 id={titleId} className="action-text">
        {item.text}
      </h3>
      <dl className="action-meta">
        <div>
          <dt>Owner</dt>
          <dd>{ownerText(item)}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{item.due ? formatDue(item.due) : 'No date'}</dd>
        </div>
        <div>
          <dt>Agreed in</dt>
          <dd>{item.fromSessionTitle ?? 'an earlier session'}</dd>
        </div>
      </dl>
      {item.history.length > 0 && (
        <div className="previous-history">
          <p id={historyId} className="previous-history-title">
            What happened so far
          </p>
          <ol aria-labelledby={historyId}>
            {item.history.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                {historyLine(entry)}
                {entry.note && (
                  <>
                    : <q>{entry.note}</q>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      <p className="previous-decision">
        <span className="decision-label">
          <span className="decision-icon" aria-hidden="true" />
          This session: <strong>{decisionText(item.decision)}</strong>
        </span>
        {item.decision?.note && (
          <>
            {' '}
            <q>{item.decision.note}</q>
          </>
        )}
      </p>
      {indicator && <SaveStatus {...indicator} />}
      {editable &&
        (carrying ? (
          <CarryForm
            initial={item.decision?.outcome === 'carried' ? (item.decision.note ?? '') : ''}
            actionText={item.text}
            onSubmit={(note) => {
              review('carried', note);
              stopCarrying();
            }}
            onCancel={stopCarrying}
          />
        ) : (
          <div className="previous-decide" role="group" aria-labelledby={titleId}>
            <button
              className="button small"
              type="button"
              aria-pressed={outcome === 'done'}
              aria-label={`Done: “${item.text}”`}
              onClick={() => review('done')}
            >
              Done
            </button>
            <button
              ref={carryRef}
              className="button small"
              type="button"
              aria-pressed={outcome === 'carried'}
              aria-label={`Carry on: “${item.text}”`}
              onClick={() => setCarrying(true)}
            >
              Carry on
            </button>
            <button
              className="button small"
              type="button"
              aria-pressed={outcome === 'dropped'}
              aria-label={`Drop: “${item.text}”`}
              onClick={() => review('dropped')}
            >
              Drop
            </button>
          </div>
        ))}
    </li>
  );
}

/** Carrying an action on asks what happened when it was tried: the note is required. */
function CarryForm({
  initial,
  actionText,
  onSubmit,
  onCancel,
}: {
  initial: string;
  actionText: string;
  onSubmit: (note: string) => void;
  onCancel: () => void;
}) {
  const noteId = useId();
  const hintId = useId();
  const errorId = useId();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState(initial);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkReviewNote('carried', note);
    if (!checked.ok || checked.data === null) {
      setError(checked.ok ? undefined : checked.error.message);
      noteRef.current?.focus();
      return;
    }
    onSubmit(checked.data);
  }

  return (
    <form
      className="action-form carry-form"
      noValidate
      aria-label={`Carry on “${actionText}”`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={noteId}>What happened when it was tried?</label>
        <p id={hintId} className="field-hint">
          Needed to carry it on to the next session; up to {reviewNoteMax} characters.
        </p>
        <textarea
          ref={noteRef}
          id={noteId}
          rows={3}
          value={note}
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            setNote(event.target.value);
            setError(undefined);
          }}
        />
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="note-actions">
        <button className="button small primary" type="submit">
          Carry on
        </button>
        <button className="button small quiet" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
