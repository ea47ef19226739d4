import { teamCan } from '@reflectory/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Announcer, type Announcement } from '../../ui/Announcer.tsx';
import { withNext } from '../account/next-path.ts';
import { AuditLog } from './AuditLog.tsx';
import { StartTeamSession } from './StartTeamSession.tsx';
import { TeamActions } from './TeamActions.tsx';
import { TeamInvites } from './TeamInvites.tsx';
import { TeamMembers } from './TeamMembers.tsx';
import { TeamSessions } from './TeamSessions.tsx';
import { TeamSettings } from './TeamSettings.tsx';
import { retentionSentence, teamRoleLabel } from './team-text.ts';
import { useTeamPage } from './use-team-page.ts';
import './teams.css';

/** `/teams/:teamId`: a team's sessions, open actions and members, and its owners' controls. */
export function TeamPage() {
  const { teamId = '' } = useParams();
  const { state, reload } = useTeamPage(teamId);
  const [announcement, setAnnouncement] = useState<Announcement>();
  // Bumped by every change, so the audit log shows it.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((count) => count + 1);
  const refresh = async () => {
    await reload();
    changed();
  };
  const say = (text: string) =>
    setAnnouncement((last) => ({ text, serial: (last?.serial ?? 0) + 1 }));

  switch (state.kind) {
    case 'loading':
      return (
        <section className="page narrow">
          <title>Team · Reflectory</title>
          <p role="status">Loading the team…</p>
        </section>
      );
    case 'signed-out':
      return (
        <section className="page narrow">
          <title>Sign in · Reflectory</title>
          <h1>Sign in to see this team</h1>
          <p>
            <Link to={withNext('/signin', `/teams/${teamId}`)}>Sign in</Link> or{' '}
            <Link to={withNext('/signup', `/teams/${teamId}`)}>create an account</Link>.
          </p>
        </section>
      );
    case 'missing':
    case 'failed':
      return (
        <section className="page narrow">
          <title>Team not available · Reflectory</title>
          <h1>{state.kind === 'missing' ? 'No such team' : 'The team could not be loaded'}</h1>
          <div className="form-alert" role="alert">
            <p>{state.message}</p>
          </div>
          <p>
            <Link to="/teams">Your teams</Link>
          </p>
        </section>
      );
    case 'loaded':
      break;
  }

  const { page } = state;
  const role = page.you.role;
  return (
    <div className="team-page">
      <title>{`${page.team.name} · Reflectory`}</title>
      <header className="team-header">
        <p className="eyebrow">
          <Link to="/teams">Teams</Link>
        </p>
        <h1>{page.team.name}</h1>
        <p className="team-role">
          Your role: <strong>{teamRoleLabel(role)}</strong>
          <span className="muted"> · {retentionSentence(page.team.retentionDays)}</span>
        </p>
      </header>

      <div className="team-columns">
        <div className="team-main">
          {teamCan(role, 'startSessions') && <StartTeamSession teamId={page.team.id} />}
          <TeamSessions page={page} />
          <TeamActions actions={page.actions} />
        </div>
        <div className="team-side">
          <TeamMembers page={page} reload={refresh} say={say} />
          {teamCan(role, 'manageMembers') && (
            <TeamInvites teamId={page.team.id} say={say} onChanged={changed} />
          )}
          <TeamSettings page={page} reload={refresh} say={say} />
        </div>
      </div>
      {teamCan(role, 'readAudit') && <AuditLog key={changes} teamId={page.team.id} />}
      <Announcer announcement={announcement} />
    </div>
  );
}
