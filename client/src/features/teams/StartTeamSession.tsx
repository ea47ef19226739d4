import { defaultModelId, sessionTitleSchema } from '@reflectory/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { fetchModels, type Models } from '../../api/models-api.ts';
import { startTeamSession } from '../../api/teams-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { groupModels } from '../start/model-groups.ts';

/** Facilitators' and owners' form: a session of this team, now or planned, then its board. */
export function StartTeamSession({ teamId }: { teamId: string }) {
  const navigate = useNavigate();
  const modelSelectId = useId();
  const whenId = useId();
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string>();
  const [models, setModels] = useState<Models>();
  const [modelId, setModelId] = useState(defaultModelId);
  const [when, setWhen] = useState('');
  const [whenError, setWhenError] = useState<string>();
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const whenRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void fetchModels().then((result) => {
      if (current && result.ok) setModels(result.data);
    });
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = sessionTitleSchema.safeParse(title);
    const scheduled = when === '' ? undefined : new Date(when);
    const badWhen = scheduled !== undefined && Number.isNaN(scheduled.getTime());
    setTitleError(firstIssue(checked));
    setWhenError(badWhen ? 'Enter a date and time, or leave this empty.' : undefined);
    setServerError(undefined);
    if (!checked.success) return titleRef.current?.focus();
    if (badWhen) return whenRef.current?.focus();
    setBusy(true);
    const created = await startTeamSession(teamId, {
      title: checked.data,
      ...(models ? { modelId } : {}),
      ...(scheduled ? { scheduledFor: scheduled.toISOString() } : {}),
    });
    setBusy(false);
    if (created.ok) return void navigate(`/s/${created.data.session.id}`);
    flushSync(() => setServerError(created.error.message));
    alertRef.current?.focus();
  }

  return (
    <section className="team-section" aria-labelledby="start-team-session-title">
      <h2 id="start-team-session-title">Start a session</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          ref={titleRef}
          label="Session title"
          hint="Everyone who joins sees it. You facilitate, under your account’s name."
          name="title"
          autoComplete="off"
          value={title}
          error={titleError}
          onChange={(event) => {
            setTitle(event.target.value);
            setTitleError(undefined);
          }}
        />
        <div className="field">
          <label htmlFor={modelSelectId}>Reflection model</label>
          {models ? (
            <select
              id={modelSelectId}
              className="select"
              value={modelId}
              onChange={(event) => setModelId(event.target.value)}
            >
              {groupModels(models.catalog, models.mine).map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.models.map((model) => (
                    <option key={model.id} value={model.id}>
                      {model.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          ) : (
            <p id={modelSelectId} className="field-hint" role="status">
              Loading the models… (What? So what? Now what? if they do not load)
            </p>
          )}
        </div>
        <div className={`field${whenError ? ' has-error' : ''}`}>
          <label htmlFor={whenId}>When (optional)</label>
          <p id={`${whenId}-hint`} className="field-hint">
            Plan it ahead and it shows under upcoming sessions; leave empty to start now.
          </p>
          <input
            ref={whenRef}
            id={whenId}
            className="text-input"
            type="datetime-local"
            value={when}
            aria-describedby={`${whenId}-hint${whenError ? ` ${whenId}-error` : ''}`}
            aria-invalid={whenError ? true : undefined}
            onChange={(event) => {
              setWhen(event.target.value);
              setWhenError(undefined);
            }}
          />
          {whenError && (
            <p id={`${whenId}-error`} className="field-error">
              {whenError}
            </p>
          )}
        </div>
        {serverError && (
          <FormAlert ref={alertRef}>
            <p>The session was not started. {serverError}</p>
          </FormAlert>
        )}
        <div className="actions">
          <button className="button primary" type="submit" aria-disabled={busy}>
            {busy ? 'Starting…' : 'Start session'}
          </button>
        </div>
      </form>
    </section>
  );
}
