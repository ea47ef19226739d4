import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { signOut } from '../../api/account-api.ts';
import { withNext } from './next-path.ts';
import { setMe, useMe } from './use-me.ts';
import './account.css';

/** Pages a sign-in should not come back to. */
const noReturn = new Set(['/', '/signin', '/signup']);

/** The header's account links: sign in / sign up for guests; teams, account and sign out else. */
export function AccountNav() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const here = noReturn.has(location.pathname)
    ? undefined
    : `${location.pathname}${location.search}`;

  async function leave() {
    if (busy) return;
    setBusy(true);
    const result = await signOut();
    setBusy(false);
    if (result.ok || result.status === 401) {
      setMe(null);
      void navigate('/');
    }
  }

  // Nothing until the server has answered, so the header does not flash the wrong links.
  if (me === undefined) return <nav className="account-nav" aria-label="Account" />;
  return (
    <nav className="account-nav" aria-label="Account">
      {me ? (
        <ul>
          <li>
            <Link to="/teams">Teams</Link>
          </li>
          <li>
            <Link to="/account">
              <span className="visually-hidden">Your account: </span>
              {me.displayName}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="link-button"
              aria-disabled={busy}
              onClick={() => void leave()}
            >
              {busy ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      ) : (
        <ul>
          <li>
            <Link to={withNext('/signin', here)}>Sign in</Link>
          </li>
          <li>
            <Link to={withNext('/signup', here)}>Sign up</Link>
          </li>
        </ul>
      )}
    </nav>
  );
}
