import {
  inviteDaysDefault,
  inviteDaysMax,
  inviteDaysMin,
  inviteRoleSchema,
  type Invite,
  type InviteRole,
} from '@reflectory/shared';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { createInvite, fetchInvites, revokeInvite } from '../../api/teams-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDate, formatDateTime, teamRoleLabel } from './team-text.ts';

interface Props {
  teamId: string;
  say: (text: string) => void;
  /** Called after an invitation was made or revoked. */
  onChanged: () => void;
}

/** Owners' invitation links: make one (shown once), see the active ones, revoke. */
export function TeamInvites({ teamId, say, onChanged }: Props) {
  const roleId = useId();
  const daysId = useId();
  const [role, setRole] = useState<InviteRole>('member');
  const [days, setDays] = useState(String(inviteDaysDefault));
  const [invites, setInvites] = useState<Invite[]>();
  const [made, setMade] = useState<{ link: string; role: InviteRole; expiresAt: string }>();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const result = await fetchInvites(teamId);
    if (result.ok) setInvites(result.data.invites);
    else setError(result.error.message);
  }, [teamId]);

  useEffect(() => {
    let current = true;
    void fetchInvites(teamId).then((result) => {
      if (!current) return;
      if (result.ok) setInvites(result.data.invites);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [teamId]);

  function fail(message: string) {
    flushSync(() => setError(message));
    alertRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const expiresInDays = Number(days);
    if (
      !Number.isInteger(expiresInDays) ||
      expiresInDays < inviteDaysMin ||
      expiresInDays > inviteDaysMax
    ) {
      return fail(`An invitation lasts ${inviteDaysMin} to ${inviteDaysMax} whole days.`);
    }
    setError(undefined);
    setBusy(true);
    const result = await createInvite(teamId, { role, expiresInDays });
    setBusy(false);
    if (!result.ok) return fail(result.error.message);
    setCopied(false);
    flushSync(() =>
      setMade({
        link: `${window.location.origin}${result.data.link}`,
        role: result.data.invite.role,
        expiresAt: result.data.invite.expiresAt,
      }),
    );
    linkRef.current?.focus();
    linkRef.current?.select();
    say('Invitation link made. Copy it now: it is shown only once.');
    onChanged();
    await load();
  }

  async function copy() {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.link);
      setCopied(true);
      say('Link copied.');
    } catch {
      linkRef.current?.select();
      say('Copying was not allowed; the link is selected, copy it with your keyboard.');
    }
  }

  async function revoke(invite: Invite) {
    setError(undefined);
    const result = await revokeInvite(teamId, invite.id);
    if (!result.ok) return fail(result.error.message);
    say(`The ${teamRoleLabel(invite.role).toLowerCase()} invitation is revoked.`);
    onChanged();
    await load();
  }

  return (
    <section className="team-section" aria-labelledby="invites-title">
      <h2 id="invites-title">Invitations</h2>
      <p className="muted">
        Anyone with a link can join with an account until it expires or you revoke it. Owners are
        never made by a link: promote a member instead.
      </p>
      <form className="invite-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={roleId}>Joins as</label>
          <select
            id={roleId}
            className="select"
            value={role}
            onChange={(event) => setRole(inviteRoleSchema.parse(event.target.value))}
          >
            {inviteRoleSchema.options.map((option) => (
              <option key={option} value={option}>
                {teamRoleLabel(option)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={daysId}>Expires after (days)</label>
          <input
            id={daysId}
            className="number-input"
            type="number"
            inputMode="numeric"
            min={inviteDaysMin}
            max={inviteDaysMax}
            value={days}
            onChange={(event) => setDays(event.target.value)}
          />
        </div>
        <button className="button" type="submit" aria-disabled={busy}>
          {busy ? 'Making…' : 'Make invitation link'}
        </button>
      </form>

      {made && (
        <div className="notice invite-made">
          <label htmlFor={`${daysId}-link`}>
            New link for a {teamRoleLabel(made.role).toLowerCase()}, until{' '}
            {formatDateTime(made.expiresAt)}. Copy it now: it is shown only once.
          </label>
          <div className="copy-row">
            <input
              ref={linkRef}
              id={`${daysId}-link`}
              className="text-input"
              readOnly
              value={made.link}
            />
            <button className="button small" type="button" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </div>
      )}

      {error && (
        <FormAlert ref={alertRef}>
          <p>{error}</p>
        </FormAlert>
      )}

      <h3 className="subheading">Active links</h3>
      {invites === undefined ? (
        <p role="status">Loading the invitations…</p>
      ) : invites.length === 0 ? (
        <p className="muted">No active invitation links.</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Made</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.map((invite) => (
              <tr key={invite.id}>
                <td>{teamRoleLabel(invite.role)}</td>
                <td>{formatDate(invite.createdAt)}</td>
                <td>{formatDate(invite.expiresAt)}</td>
                <td>
                  <button
                    className="link-button danger"
                    type="button"
                    onClick={() => void revoke(invite)}
                  >
                    Revoke
                    <span className="visually-hidden">
                      {' '}
                      the {teamRoleLabel(invite.role).toLowerCase()} link made{' '}
                      {formatDateTime(invite.createdAt)}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
