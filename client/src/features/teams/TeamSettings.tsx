import { retentionDaysMax, teamCan, teamNameSchema, type TeamPage } from '@reflectory/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { updateTeam } from '../../api/teams-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { retentionSentence } from './team-text.ts';

interface Props {
  page: TeamPage;
  reload: () => Promise<void>;
  say: (text: string) => void;
}

/** How long notes are kept (everyone reads it; owners change it), and the team's name. */
export function TeamSettings({ page, reload, say }: Props) {
  const daysId = useId();
  const owner = teamCan(page.you.role, 'manageTeam');
  const [name, setName] = useState(page.team.name);
  const [days, setDays] = useState(String(page.team.retentionDays));
  const [nameError, setNameError] = useState<string>();
  const [daysError, setDaysError] = useState<string>();
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const daysRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const explanation = (
    <p>
      {retentionSentence(page.team.retentionDays)} The notes, themes and board of a closed session
      are then deleted for good; its actions, theme titles and counts are kept.
    </p>
  );
  if (!owner) {
    return (
      <section className="team-section" aria-labelledby="retention-title">
        <h2 id="retention-title">How long notes are kept</h2>
        {explanation}
      </section>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checkedName = teamNameSchema.safeParse(name);
    const retentionDays = Number(days);
    const daysOk =
      days.trim() !== '' &&
      Number.isInteger(retentionDays) &&
      retentionDays >= 0 &&
      retentionDays <= retentionDaysMax;
    setNameError(firstIssue(checkedName));
    setDaysError(
      daysOk ? undefined : `Enter a whole number of days from 0 to ${retentionDaysMax}.`,
    );
    setServerError(undefined);
    if (!checkedName.success) return nameRef.current?.focus();
    if (!daysOk) return daysRef.current?.focus();
    setBusy(true);
    const result = await updateTeam(page.team.id, { name: checkedName.data, retentionDays });
    setBusy(false);
    if (!result.ok) {
      flushSync(() => setServerError(result.error.message));
      return alertRef.current?.focus();
    }
    await reload();
    say(`Saved. ${retentionSentence(result.data.retentionDays)}`);
  }

  return (
    <section className="team-section" aria-labelledby="retention-title">
      <h2 id="retention-title">Team settings</h2>
      {explanation}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          ref={nameRef}
          label="Team name"
          name="team-name"
          autoComplete="off"
          value={name}
          error={nameError}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(undefined);
          }}
        />
        <div className={`field${daysError ? ' has-error' : ''}`}>
          <label htmlFor={daysId}>Keep notes for (days after a session closes)</label>
          <p id={`${daysId}-hint`} className="field-hint">
            0 deletes the notes as soon as the session closes. The default is 30.
          </p>
          <input
            ref={daysRef}
            id={daysId}
            className="number-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={retentionDaysMax}
            value={days}
            aria-describedby={`${daysId}-hint${daysError ? ` ${daysId}-error` : ''}`}
            aria-invalid={daysError ? true : undefined}
            onChange={(event) => {
              setDays(event.target.value);
              setDaysError(undefined);
            }}
          />
          {daysError && (
            <p id={`${daysId}-error`} className="field-error">
              {daysError}
            </p>
          )}
        </div>
        {serverError && (
          <FormAlert ref={alertRef}>
            <p>The settings were not saved. {serverError}</p>
          </FormAlert>
        )}
        <div className="actions">
          <button className="button" type="submit" aria-disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
