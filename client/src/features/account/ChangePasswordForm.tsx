import { passwordMinLength, passwordSchema } from '@reflectory/shared';
import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/account-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { useFormErrors } from './use-form-errors.ts';

/** Current and new password; other browsers signed in to the account are signed out. */
export function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, show, clear, refFor } = useFormErrors(['current', 'new'] as const);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const checked = passwordSchema.safeParse(newPassword);
    if (currentPassword === '' || !checked.success) {
      return show({
        current: currentPassword === '' ? 'Enter your current password.' : undefined,
        new: firstIssue(checked),
      });
    }
    show({});
    setBusy(true);
    const result = await changePassword({ currentPassword, newPassword });
    setBusy(false);
    if (!result.ok) return show({ form: result.error.message });
    setCurrentPassword('');
    setNewPassword('');
    setDone(true);
  }

  return (
    <form
      className="form"
      noValidate
      aria-labelledby="password-title"
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        ref={refFor<HTMLInputElement>('current')}
        label="Current password"
        name="current-password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        error={errors.current}
        onChange={(event) => {
          setCurrentPassword(event.target.value);
          setDone(false);
          clear('current');
        }}
      />
      <TextField
        ref={refFor<HTMLInputElement>('new')}
        label="New password"
        hint={`At least ${passwordMinLength} characters.`}
        name="new-password"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        error={errors.new}
        onChange={(event) => {
          setNewPassword(event.target.value);
          setDone(false);
          clear('new');
        }}
      />
      {errors.form && (
        <FormAlert ref={refFor<HTMLDivElement>('form')}>
          <p>The password was not changed. {errors.form}</p>
        </FormAlert>
      )}
      <div className="actions">
        <button className="button" type="submit" aria-disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
      <div role="status">
        {done && (
          <p className="account-success">
            Password changed. Any other browser signed in to your account has been signed out.
          </p>
        )}
      </div>
    </form>
  );
}
