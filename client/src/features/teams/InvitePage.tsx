import type { InviteLookup } from '@reflectory/shared';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInvite, lookUpInvite } from '../../api/teams-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { withNext } from '../account/next-path.ts';
import { useMe } from '../account/use-me.ts';
import { formatDate, teamRoleLabel, teamRoleMeaning } from './team-text.ts';
import './teams.css';

type LookupState =
  | { kind: 'loading' }
  | { kind: 'found'; invite: InviteLookup }
  | { kind: 'failed'; message: string };

/** `/invite/:token`: what the link offers, and joining (after signing in, if need be). */
export function InvitePage() {
  const { token = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [lookup, setLookup] = useState<LookupState>({ kind: 'loading' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const here = `/invite/${token}`;

  useEffect(() => {
    // Asked again once we know who is signed in, so the answer can say if you are already in.
    if (me === undefined) return;
    let current = true;
    void lookUpInvite(token).then((result) => {
      if (!current) return;
      setLookup(
        result.ok
          ? { kind: 'found', invite: result.data }
          : { kind: 'failed', message: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [token, me]);

  async function join() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result = await acceptInvite(token);
    setBusy(false);
    if (result.ok) return void navigate(`/teams/${result.data.team.id}`);
    flushSync(() => setError(result.error.message));
    alertRef.current?.focus();
  }

  if (lookup.kind === 'loading') {
    return (
      <section className="page narrow">
        <title>Invitation · Reflectory</title>
        <p role="status">Checking the invitation…</p>
      </section>
    );
  }
  if (lookup.kind === 'failed') {
    return (
      <section className="page narrow">
        <title>Invitation not valid · Reflectory</title>
        <h1>This invitation does not work</h1>
        <div className="form-alert" role="alert">
          <p>{lookup.message}</p>
        </div>
      </section>
    );
  }

  const { invite } = lookup;
  return (
    <section className="page narrow team-page" aria-labelledby="invite-title">
      <title>{`Join ${invite.team.name} · Reflectory`}</title>
      <h1 id="invite-title">Join “{invite.team.name}”</h1>
      <p className="lede">
        You are invited as a {teamRoleLabel(invite.role).toLowerCase()}: a{' '}
        {teamRoleLabel(invite.role).toLowerCase()} {teamRoleMeaning[invite.role]}. The link works
        until {formatDate(invite.expiresAt)}.
      </p>
      {invite.yourRole ? (
        <>
          <p>
            You are already in this team, as {teamRoleLabel(invite.yourRole).toLowerCase()}. Your
            role stays as it is.
          </p>
          <p>
            <Link className="button primary" to={`/teams/${invite.team.id}`}>
              Open the team page
            </Link>
          </p>
        </>
      ) : me ? (
        <>
          <p>
            You join as <strong>{me.displayName}</strong>. The team’s members see your name; its
            owners also see your email address.
          </p>
          {error && (
            <FormAlert ref={alertRef}>
              <p>You did not join. {error}</p>
            </FormAlert>
          )}
          <div className="actions">
            <button
              className="button primary"
              type="button"
              aria-disabled={busy}
              onClick={() => void join()}
            >
              {busy ? 'Joining…' : 'Join team'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>Teams need an account. Sign in, or create one, and you come back here to join.</p>
          <div className="actions">
            <Link className="button primary" to={withNext('/signin', here)}>
              Sign in
            </Link>
            <Link className="button" to={withNext('/signup', here)}>
              Create an account
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
