import { noteTextMax } from '@reflectory/shared';
import { useId, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { noteCountLabel, noteLength } from './note-text.ts';

interface Props {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Enter (without Shift) submits; Shift+Enter is a new line. */
  onSubmit: () => void;
  /** Escape, when given. */
  onCancel?: (() => void) | undefined;
  error: string | undefined;
  /** What Enter does, for the hint: "post", "save". */
  enterAction: string;
  ref?: Ref<HTMLTextAreaElement> | undefined;
  rows?: number;
}

/** The textarea for a note's text, with its keyboard contract, character count and error. */
export function NoteTextInput(props: Props) {
  const { label, value, onChange, onSubmit, onCancel, error, enterAction, ref, rows = 3 } = props;
  const id = useId();
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const count = noteCountLabel(value);
  const over = noteLength(value) > noteTextMax;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // While an input method is composing, Enter confirms the composition, not the note.
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <div className="note-input-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        className="note-input"
        // A note in Arabic or Hebrew runs right to left as it is typed, whatever the page's language.
        dir="auto"
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, count ? countId : '', error ? errorId : '']
          .filter(Boolean)
          .join(' ')}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="note-input-meta">
        <span id={hintId} className="note-input-hint">
          Enter to {enterAction}, Shift+Enter for a new line{onCancel ? ', Escape to cancel' : ''}.
        </span>
        {count && (
          <span id={countId} className={over ? 'note-count over' : 'note-count'}>
            {count}
          </span>
        )}
      </p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
