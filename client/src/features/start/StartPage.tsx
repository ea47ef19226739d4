import { defaultModelId, displayNameSchema, sessionTitleSchema } from '@reflectory/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { fetchModels } from '../../api/models-api.ts';
import { createSession } from '../../api/sessions-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { ModelPicker, type ModelsState } from './ModelPicker.tsx';
import './start.css';

interface Errors {
  title?: string | undefined;
  name?: string | undefined;
}

export function StartPage() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [models, setModels] = useState<ModelsState>({ kind: 'loading' });
  const [modelId, setModelId] = useState(defaultModelId);
  const titleRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void fetchModels().then((result) => {
      if (!current) return;
      setModels(
        result.ok
          ? { kind: 'loaded', models: result.data }
          : { kind: 'failed', message: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = {
      title: sessionTitleSchema.safeParse(title),
      name: displayNameSchema.safeParse(name),
    };
    const next: Errors = { title: firstIssue(checked.title), name: firstIssue(checked.name) };
    setErrors(next);
    setServerError(undefined);
    if (!checked.title.success) return titleRef.current?.focus();
    if (!checked.name.success) return nameRef.current?.focus();

    setBusy(true);
    const created = await createSession({
      title: checked.title.data,
      facilitatorName: checked.name.data,
      ...(models.kind === 'loaded' ? { modelId } : {}),
    });
    setBusy(false);
    if (created.ok) {
      void navigate(`/s/${created.data.session.id}`);
    } else {
      flushSync(() => setServerError(created.error.message));
      alertRef.current?.focus();
    }
  }

  return (
    <section className="page start-page" aria-labelledby="start-title">
      <title>Start a session · Reflectory</title>
      <h1 id="start-title">Start a session</h1>
      <p className="lede">
        You will facilitate: you get a link and a short code to share, and a board that takes the
        group through a reflection model one stage at a time.
      </p>
      <form id="start-form" className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          ref={titleRef}
          label="Session title"
          hint="Everyone who joins sees it, for example “Tuesday team debrief”."
          name="title"
          autoComplete="off"
          value={title}
          error={errors.title}
          onChange={(event) => {
            setTitle(event.target.value);
            setErrors((shown) => ({ ...shown, title: undefined }));
          }}
        />
        <TextField
          ref={nameRef}
          label="Your name"
          hint="Shown to the group beside your notes. Up to 40 characters."
          name="name"
          autoComplete="name"
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            setErrors((shown) => ({ ...shown, name: undefined }));
          }}
        />
      </form>
      <ModelPicker
        state={models}
        selectedId={modelId}
        onSelect={setModelId}
        onMineChange={(mine) =>
          setModels((shown) =>
            shown.kind === 'loaded' ? { kind: 'loaded', models: { ...shown.models, mine } } : shown,
          )
        }
        facilitatorName={name.trim()}
      />
      {serverError && (
        <FormAlert ref={alertRef}>
          <p>The session was not started. {serverError}</p>
        </FormAlert>
      )}
      <div className="actions">
        <button className="button primary" type="submit" form="start-form" aria-disabled={busy}>
          {busy ? 'Starting…' : 'Start session'}
        </button>
      </div>
    </section>
  );
}
