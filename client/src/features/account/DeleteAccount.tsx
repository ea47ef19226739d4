import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { deleteAccount } from '../../api/account-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFormErrors } from './use-form-errors.ts';

/** Deleting the account, behind a confirmation that says what goes and what stays. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, show, clear, refFor } = useFormErrors(['password'] as const);
  const openRef = useRef<HTMLButtonElement>(null);
  const passwordRef = refFor<HTMLInputElement>('password');

  function open() {
    flushSync(() => setConfirming(true));
    passwordRef.current?.focus();
  }

  function cancel() {
    flushSync(() => {
      setConfirming(false);
      setPassword('');
    });
    show({});
    openRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (password === '') return show({ password: 'Enter your password to confirm.' });
    show({});
    setBusy(true);
    const result = await deleteAccount({ password });
    setBusy(false);
    if (!result.ok) return show({ form: result.error.message });
    onDeleted();
  }

  if (!confirming) {
    return (
      <div className="actions">
        <button ref={openRef} className="button quiet" type="button" onClick={open}>
          Delete my account…
        </button>
      </div>
    );
  }

  return (
    <form
      className="delete-confirm"
      noValidate
      aria-labelledby="delete-confirm-title"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="delete-confirm-title">What is deleted</h3>
      <ul className="plain">
        <li>Your account: name, email and password, and every browser's sign-in.</li>
        <li>Your membership of every team.</li>
        <li>
          Teams where you are the only member, with their sessions and actions. If you are the only
          owner of a team others belong to, make one of them an owner first.
        </li>
      </ul>
      <h3>What stays</h3>
      <ul className="plain">
        <li>
          In sessions you took part in, your notes and the name you used there stay on that
          session's board for the group until the session's notes are deleted. They are no longer
          linked to an account.
        </li>
        <li>Actions you own stay with their team, with the name they were given.</li>
        <li>Anonymous notes stay as they are: nothing ever linked them to you.</li>
      </ul>
      <p>Download your data first if you want a copy. Deleting cannot be undone.</p>
      <TextField
        ref={passwordRef}
        label="Your password, to confirm"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        error={errors.password}
        onChange={(event) => {
          setPassword(event.target.value);
          clear('password');
        }}
      />
      {errors.form && (
        <FormAlert ref={refFor<HTMLDivElement>('form')}>
          <p>Your account was not deleted. {errors.form}</p>
        </FormAlert>
      )}
      <div className="actions">
        <button className="button danger" type="submit" aria-disabled={busy}>
          {busy ? 'Deleting…' : 'Delete my account for good'}
        </button>
        <button className="button quiet" type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
