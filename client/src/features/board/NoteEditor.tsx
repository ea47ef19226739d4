import { checkNoteText } from '@reflectory/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { NoteTextInput } from './NoteTextInput.tsx';

interface Props {
  initialText: string;
  /** Called with the checked text, or with undefined when nothing changed. */
  onSave: (text: string | undefined) => void;
  onCancel: () => void;
}

/** Edits one's own note in place: Enter saves, Escape cancels. */
export function NoteEditor({ initialText, onSave, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string>();
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // Caret at the end, where one usually goes on writing.
    const input = inputRef.current;
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }, []);

  function save(event?: FormEvent) {
    event?.preventDefault();
    const checked = checkNoteText(text);
    if (!checked.ok) return setError(checked.error.message);
    onSave(checked.data === initialText ? undefined : checked.data);
  }

  return (
    <form className="note-editor" noValidate onSubmit={save}>
      <NoteTextInput
        label="Edit your note"
        value={text}
        error={error}
        enterAction="save"
        ref={inputRef}
        onChange={(value) => {
          setText(value);
          if (error && checkNoteText(value).ok) setError(undefined);
        }}
        onSubmit={save}
        onCancel={onCancel}
      />
      <div className="note-actions">
        <button className="button primary small" type="submit">
          Save
        </button>
        <button className="button quiet small" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
