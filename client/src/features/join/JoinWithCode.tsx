import { displayNameSchema, joinCodeSchema, type JoinLookup } from '@reflectory/shared';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { lookUpJoinCode } from '../../api/sessions-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { AlreadyJoined } from './AlreadyJoined.tsx';
import { joinWithName } from './join-session.ts';
import { ReplacingHint } from './ReplacingHint.tsx';
import { useAccountName } from './use-account-name.ts';

type Field = 'code' | 'name' | 'form';
type FieldErrors = { [F in Field]?: string | undefined };

/** `/join`: type the code the facilitator shared, and a name. */
export function JoinWithCode() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [existing, setExisting] = useState<JoinLookup>();
  const [asNew, setAsNew] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  useAccountName(setName, !asNew);

  function show(next: FieldErrors) {
    flushSync(() => setErrors(next));
    const first = (['code', 'name', 'form'] as const).find((field) => next[field] !== undefined);
    const target = { code: codeRef, name: nameRef, form: formRef }[first ?? 'form'];
    target.current?.focus();
  }

  function joinAsSomeoneElse() {
    flushSync(() => setAsNew(true));
    nameRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsedCode = joinCodeSchema.safeParse(code);
    const parsedName = displayNameSchema.safeParse(name);
    if (!parsedCode.success || !parsedName.success) {
      return show({ code: firstIssue(parsedCode), name: firstIssue(parsedName) });
    }
    setErrors({});
    setBusy(true);
    try {
      if (!asNew) {
        // Asking first tells a browser already in the session who it is there, before it joins again.
        const found = await lookUpJoinCode(parsedCode.data);
        if (!found.ok) {
          return show({
            [found.error.code === 'unavailable' ? 'form' : 'code']: found.error.message,
          });
        }
        if (found.data.you) {
          setExisting(found.data);
          return;
        }
      }
      const outcome = await joinWithName(parsedCode.data, name, asNew);
      if (outcome.ok) void navigate(`/s/${outcome.sessionId}`);
      else show({ [outcome.field]: outcome.message });
    } finally {
      setBusy(false);
    }
  }

  const errorFor = (field: Field) => errors[field];

  if (existing?.you && !asNew) {
    const { session, you } = existing;
    return (
      <section className="page narrow">
        <title>Join a session · Reflectory</title>
        <h1>Join “{session.title}”</h1>
        <AlreadyJoined
          title={session.title}
          you={you}
          onContinue={() => void navigate(`/s/${session.id}`)}
          onJoinAsSomeoneElse={joinAsSomeoneElse}
        />
      </section>
    );
  }

  return (
    <section className="page narrow" aria-labelledby="join-title">
      <title>Join a session · Reflectory</title>
      <h1 id="join-title">Join a session</h1>
      <p className="lede">
        Type the code the facilitator shared with you, and the name the group will see.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {asNew && existing?.you && <ReplacingHint name={existing.you.displayName} />}
        <TextField
          ref={codeRef}
          className="code-field"
          label="Join code"
          hint="6 letters and digits, for example K7M P3Q."
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          error={errorFor('code')}
          onChange={(event) => {
            setCode(event.target.value);
            setErrors((shown) => ({ ...shown, code: undefined }));
          }}
        />
        <TextField
          ref={nameRef}
          label="Your name"
          hint="Shown to the group beside your notes. Up to 40 characters."
          name="name"
          autoComplete="name"
          value={name}
          error={errorFor('name')}
          onChange={(event) => {
            setName(event.target.value);
            setErrors((shown) => ({ ...shown, name: undefined }));
          }}
        />
        {errorFor('form') && (
          <FormAlert ref={formRef}>
            <p>{errorFor('form')}</p>
          </FormAlert>
        )}
        <div className="actions">
          <button className="button primary" type="submit" aria-disabled={busy}>
            {busy ? 'Joining…' : asNew ? 'Join as a new person' : 'Join session'}
          </button>
        </div>
      </form>
    </section>
  );
}
