import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { joinWithName } from './join-session.ts';
import { ReplacingHint } from './ReplacingHint.tsx';
import { useAccountName } from './use-account-name.ts';

interface Props {
  code: string;
  asNewParticipant: boolean;
  /** Who this browser was in the session, when joining as someone new instead. */
  replacing?: string | undefined;
  onJoined: (sessionId: string) => void;
}

/** Asks for the name to join with, for a code that is already known to work. */
export function NameForm({ code, asNewParticipant, replacing, onJoined }: Props) {
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // Joining as someone new on this device is joining as another person: no name is offered.
  useAccountName(setName, !replacing);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await joinWithName(code, name, asNewParticipant);
    setBusy(false);
    if (outcome.ok) return onJoined(outcome.sessionId);
    flushSync(() => {
      setNameError(outcome.field === 'name' ? outcome.message : undefined);
      setFormError(outcome.field === 'name' ? undefined : outcome.message);
    });
    if (outcome.field === 'name') nameRef.current?.focus();
    else alertRef.current?.focus();
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      {replacing && <ReplacingHint name={replacing} />}
      <TextField
        ref={nameRef}
        label="Your name"
        hint="Shown to the group beside your notes. Up to 40 characters."
        name="name"
        autoComplete="name"
        autoFocus
        value={name}
        error={nameError}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(undefined);
        }}
      />
      {formError && (
        <FormAlert ref={alertRef}>
          <p>{formError}</p>
        </FormAlert>
      )}
      <div className="actions">
        <button className="button primary" type="submit" aria-disabled={busy}>
          {busy ? 'Joining…' : asNewParticipant ? 'Join as a new person' : 'Join session'}
        </button>
      </div>
    </form>
  );
}
