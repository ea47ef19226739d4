import { teamNameSchema, type TeamSummary } from '@reflectory/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import { createTeam, fetchTeams } from '../../api/teams-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { firstIssue } from '../../ui/validation.ts';
import { withNext } from '../account/next-path.ts';
import { useMe } from '../account/use-me.ts';
import { teamRoleLabel } from './team-text.ts';
import './teams.css';

type TeamsState =
  | { kind: 'loading' }
  | { kind: 'loaded'; teams: TeamSummary[] }
  | { kind: 'failed'; message: string };

/** `/teams`: the teams you belong to, and a form to create one. */
export function TeamsPage() {
  const me = useMe();
  const [teams, setTeams] = useState<TeamsState>({ kind: 'loading' });

  useEffect(() => {
    if (!me) return;
    let current = true;
    void fetchTeams().then((result) => {
      if (!current) return;
      setTeams(
        result.ok
          ? { kind: 'loaded', teams: result.data.teams }
          : { kind: 'failed', message: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [me]);

  if (me === undefined) return <p role="status">Loading…</p>;
  if (me === null) {
    return (
      <section className="page narrow team-page" aria-labelledby="teams-title">
        <title>Teams · Reflectory</title>
        <h1 id="teams-title">Teams</h1>
        <p className="lede">
          A team meets again and again: its sessions, open actions and members live on its page.
          Teams need an account; joining a single session does not.
        </p>
        <p>
          <Link to={withNext('/signin', '/teams')}>Sign in</Link> or{' '}
          <Link to={withNext('/signup', '/teams')}>create an account</Link>.
        </p>
      </section>
    );
  }

  return (
    <section className="page narrow team-page" aria-labelledby="teams-title">
      <title>Teams · Reflectory</title>
      <h1 id="teams-title">Your teams</h1>
      {teams.kind === 'loading' && <p role="status">Loading your teams…</p>}
      {teams.kind === 'failed' && (
        <FormAlert>
          <p>Your teams could not be loaded. {teams.message}</p>
        </FormAlert>
      )}
      {teams.kind === 'loaded' &&
        (teams.teams.length === 0 ? (
          <p>
            You are not in a team yet. Create one below, or open an invitation link you were sent.
          </p>
        ) : (
          <ul className="team-list">
            {teams.teams.map((team) => (
              <li key={team.id}>
                <Link to={`/teams/${team.id}`}>{team.name}</Link>
                <span className="muted"> · {teamRoleLabel(team.role)}</span>
              </li>
            ))}
          </ul>
        ))}
      <CreateTeamForm />
    </section>
  );
}

function CreateTeamForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const checked = teamNameSchema.safeParse(name);
    setError(firstIssue(checked));
    setServerError(undefined);
    if (!checked.success) return nameRef.current?.focus();
    setBusy(true);
    const created = await createTeam(checked.data);
    setBusy(false);
    const team = created.ok ? created.data.teams[0] : undefined;
    if (team) return void navigate(`/teams/${team.id}`);
    flushSync(() =>
      setServerError(created.ok ? 'The server did not return the team.' : created.error.message),
    );
    alertRef.current?.focus();
  }

  return (
    <section className="team-section" aria-labelledby="create-team-title">
      <h2 id="create-team-title">Create a team</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          ref={nameRef}
          label="Team name"
          hint="For example “Ward 7 nurses” or “Platform team”. You will be its owner."
          name="team-name"
          autoComplete="off"
          value={name}
          error={error}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
        />
        {serverError && (
          <FormAlert ref={alertRef}>
            <p>The team was not created. {serverError}</p>
          </FormAlert>
        )}
        <div className="actions">
          <button className="button primary" type="submit" aria-disabled={busy}>
            {busy ? 'Creating…' : 'Create team'}
          </button>
        </div>
      </form>
    </section>
  );
}
