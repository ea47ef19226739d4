import { checkNoteText } from '@reflectory/shared';
import { useState, type FormEvent } from 'react';
import { NoteTextInput } from './NoteTextInput.tsx';

interface Props {
  areaTitle: string;
  onAdd: (text: string) => void;
}

/**
 * Writes a new note into one area. The text leaves the box as soon as it is queued: from then on
 * the outbox holds it and shows it as a note being saved, so nothing typed is lost.
 */
export function NoteComposer({ areaTitle, onAdd }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  function post(event?: FormEvent) {
    event?.preventDefault();
    const checked = checkNoteText(text);
    if (!checked.ok) return setError(checked.error.message);
    onAdd(checked.data);
    setText('');
    setError(undefined);
  }

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
      <div className="composer-actions">
        <button className="button primary small" type="submit">
          Add note<span className="visually-hidden"> to “{areaTitle}”</span>
        </button>
      </div>
    </form>
  );
}
