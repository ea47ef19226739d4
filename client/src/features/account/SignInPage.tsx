import { emailSchema } from '@reflectory/shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signIn } from '../../api/account-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { safeNextPath, withNext } from './next-path.ts';
import { setMe, useMe } from './use-me.ts';
import { useFormErrors } from './use-form-errors.ts';

/** `/signin?next=/path`: email and password; back to `next` (a path on this site) afterwards. */
export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const rawNext = params.get('next');
  const next = safeNextPath(rawNext);
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, show, clear, refFor } = useFormErrors(['email', 'password'] as const);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = emailSchema.safeParse(email);
    if (!checked.success || password === '') {
      return show({
        email: firstIssue(checked),
        password: password === '' ? 'Enter your password.' : undefined,
      });
    }
    show({});
    setBusy(true);
    const result = await signIn({ email: checked.data, password });
    setBusy(false);
    if (!result.ok) return show({ form: result.error.message });
    setMe(result.data.user);
    void navigate(next);
  }

  return (
    <section className="page narrow" aria-labelledby="signin-title">
      <title>Sign in · Reflectory</title>
      <h1 id="signin-title">Sign in</h1>
      {me && (
        <p className="notice">
          You are signed in as {me.displayName}. <Link to={next}>Continue</Link>
        </p>
      )}
      <p className="lede">
        An account keeps your teams, their sessions and actions together. You do not need one to
        join a session: the link or code the facilitator shares is enough.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          ref={refFor<HTMLInputElement>('email')}
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          error={errors.email}
          onChange={(event) => {
            setEmail(event.target.value);
            clear('email');
          }}
        />
        <TextField
          ref={refFor<HTMLInputElement>('password')}
          label="Password"
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
            <p>{errors.form}</p>
          </FormAlert>
        )}
        <div className="actions">
          <button className="button primary" type="submit" aria-disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p className="account-switch">
        No account yet? <Link to={withNext('/signup', rawNext ? next : undefined)}>Create one</Link>
      </p>
    </section>
  );
}
