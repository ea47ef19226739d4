import {
  displayNameSchema,
  emailSchema,
  passwordMinLength,
  passwordSchema,
} from '@reflectory/shared';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signUp } from '../../api/account-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { safeNextPath, withNext } from './next-path.ts';
import { setMe } from './use-me.ts';
import { useFormErrors } from './use-form-errors.ts';

/** `/signup?next=/path`: name, email and password; signed in at once, then back to `next`. */
export function SignUpPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const rawNext = params.get('next');
  const next = safeNextPath(rawNext);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, show, clear, refFor } = useFormErrors(['name', 'email', 'password'] as const);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = {
      name: displayNameSchema.safeParse(name),
      email: emailSchema.safeParse(email),
      password: passwordSchema.safeParse(password),
    };
    if (!checked.name.success || !checked.email.success || !checked.password.success) {
      return show({
        name: firstIssue(checked.name),
        email: firstIssue(checked.email),
        password: firstIssue(checked.password),
      });
    }
    show({});
    setBusy(true);
    const result = await signUp({
      displayName: checked.name.data,
      email: checked.email.data,
      password: checked.password.data,
    });
    setBusy(false);
    if (!result.ok) return show({ form: result.error.message });
    setMe(result.data.user);
    void navigate(next);
  }

  return (
    <section className="page narrow" aria-labelledby="signup-title">
      <title>Create an account · Reflectory</title>
      <h1 id="signup-title">Create an account</h1>
      <p className="lede">
        With an account you can belong to teams, start their sessions and keep their actions from
        one session to the next. Joining a session needs no account.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          ref={refFor<HTMLInputElement>('name')}
          label="Your name"
          hint="Shown to your teams. Up to 40 characters."
          name="name"
          autoComplete="name"
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            clear('name');
          }}
        />
        <TextField
          ref={refFor<HTMLInputElement>('email')}
          label="Email"
          hint="You sign in with it. Only the owners of your teams see it."
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
          hint={`At least ${passwordMinLength} characters. A few unrelated words make a strong one.`}
          name="password"
          type="password"
          autoComplete="new-password"
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
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </div>
      </form>
      <p className="account-switch">
        Already have an account?{' '}
        <Link to={withNext('/signin', rawNext ? next : undefined)}>Sign in</Link>
      </p>
    </section>
  );
}
