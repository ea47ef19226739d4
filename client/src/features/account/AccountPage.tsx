import { useState } from 'react';
import { Link } from 'react-router';
import { accountExportPath } from '../../api/account-api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { DeleteAccount } from './DeleteAccount.tsx';
import { withNext } from './next-path.ts';
import { setMe, useMe } from './use-me.ts';

/** `/account`: who you are, your password, your data, and deleting the account. */
export function AccountPage() {
  const me = useMe();
  const [deleted, setDeleted] = useState(false);

  if (deleted) {
    return (
      <section className="page narrow account-page" aria-labelledby="account-title">
        <title>Account deleted · Reflectory</title>
        <h1 id="account-title">Your account is deleted</h1>
        <p className="lede">
          This browser is signed out. You can still join sessions with a link or code, as a guest.
        </p>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </section>
    );
  }
  if (me === undefined) return <p role="status">Loading your account…</p>;
  if (me === null) {
    return (
      <section className="page narrow account-page" aria-labelledby="account-title">
        <title>Your account · Reflectory</title>
        <h1 id="account-title">Your account</h1>
        <p className="lede">You are not signed in on this browser.</p>
        <p>
          <Link to={withNext('/signin', '/account')}>Sign in</Link> or{' '}
          <Link to={withNext('/signup', '/account')}>create an account</Link>.
        </p>
      </section>
    );
  }

  return (
    <section className="page narrow account-page" aria-labelledby="account-title">
      <title>Your account · Reflectory</title>
      <h1 id="account-title">Your account</h1>
      <dl className="account-facts">
        <dt>Name</dt>
        <dd>{me.displayName}</dd>
        <dt>Email</dt>
        <dd>{me.email}</dd>
      </dl>

      <section aria-labelledby="password-title">
        <h2 id="password-title">Change your password</h2>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p>
          Download what Reflectory keeps about you, as a JSON file: your account, your teams, the
          sessions you joined while signed in, the named notes you wrote in them that still exist,
          and the actions you own.
        </p>
        <p>
          Anonymous notes are not in it. Nothing ties an anonymous note to the person who wrote it,
          not even for us, so there is nothing to find yours by.
        </p>
        <div className="actions">
          <a className="button" href={accountExportPath} download>
            Download my data
          </a>
        </div>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Delete your account</h2>
        <DeleteAccount
          onDeleted={() => {
            setDeleted(true);
            setMe(null);
          }}
        />
      </section>
    </section>
  );
}
