import { checkNoteText, type Visibility } from '@reflectory/shared';
import { useId, useState, type FormEvent } from 'react';
import { NoteTextInput } from './NoteTextInput.tsx';

interface Props {
  areaTitle: string;
  visibility: Visibility;
  /** How many people have the board open now (you included). */
  present: number;
  onAdd: (text: string, anonymous: boolean) => void;
}

/** Below this many people, anonymity is easily seen through. */
const smallGroup = 3;

/**
 * Writes a new note into the current step. The text leaves the box as soon as it is queued: from
 * then on the outbox holds it and shows it as a note being saved, so nothing typed is lost. Before
 * writing, people are told who will see the note, and whether anonymity means much here.
 */
export function NoteComposer({ areaTitle, visibility, present, onAdd }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [chosenAnonymous, setChosenAnonymous] = useState(false);
  const anonymousId = useId();
  const anonymousHintId = useId();
  const anonymous = visibility === 'anonymous' || chosenAnonymous;

  function post(event?: FormEvent) {
    event?.preventDefault();
    const checked = checkNoteText(text);
    if (!checked.ok) return setError(checked.error.message);
    onAdd(checked.data, anonymous);
    setText('');
    setError(undefined);
  }

  const smallGroupWarning = present < smallGroup && (
    <p className="small-group-warning">
      <strong>Only {present === 1 ? 'one person is' : `${present} people are`} here.</strong> In so
      small a group, others can probably tell who wrote an anonymous note.
    </p>
  );

  return (
    <form className="composer" noValidate onSubmit={post}>
      <NoteTextInput
        label={
          <>
            Add a note<span className="visually-hidden"> to “{areaTitle}”</span>
          </>
        }
        value={text}
        error={error}
        enterAction="post"
        onChange={(value) => {
          setText(value);
          if (error && checkNoteText(value).ok) setError(undefined);
        }}
        onSubmit={post}
      />
      {visibility === 'anonymous' ? (
        <div className="anonymous-option">
          <p className="muted">
            Notes in this step are anonymous: nobody, the facilitator included, will see that you
            wrote yours.
          </p>
          {smallGroupWarning}
        </div>
      ) : (
        <div className="anonymous-option">
          <div className="checkbox-field">
            <input
              id={anonymousId}
              type="checkbox"
              checked={chosenAnonymous}
              aria-describedby={anonymousHintId}
              onChange={(event) => setChosenAnonymous(event.target.checked)}
            />
            <label htmlFor={anonymousId}>Post anonymously</label>
          </div>
          <p id={anonymousHintId} className="field-hint">
            Nobody, the facilitator included, will see that you wrote it, so nobody can follow it up
            with you. It appears together with other people’s anonymous notes, once several have
            written; if too few have when the step ends, it comes back to you.{' '}
            <a href="/anonymity" target="_blank" rel="noreferrer">
              What anonymous means, and what it cannot hide
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
          {smallGroupWarning}
        </div>
      )}
      <div className="composer-actions">
        <button className="button primary small" type="submit">
          {anonymous ? 'Add anonymous note' : 'Add note'}
          <span className="visually-hidden"> to “{areaTitle}”</span>
        </button>
      </div>
    </form>
  );
}
