import {
  teamCan,
  teamRoleSchema,
  type TeamMember,
  type TeamPage,
  type TeamRole,
} from '@reflectory/shared';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { removeMember, setMemberRole } from '../../api/teams-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { teamRoleLabel, teamRoleMeaning } from './team-text.ts';

interface Props {
  page: TeamPage;
  reload: () => Promise<void>;
  say: (text: string) => void;
}

/** Who is in the team. Owners change roles and remove people; anyone may leave. */
export function TeamMembers({ page, reload, say }: Props) {
  const navigate = useNavigate();
  const manages = teamCan(page.you.role, 'manageMembers');
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const alertRef = useRef<HTMLDivElement>(null);
  const teamId = page.team.id;

  function fail(message: string) {
    flushSync(() => setError(message));
    alertRef.current?.focus();
  }

  async function changeRole(member: TeamMember, role: TeamRole) {
    setError(undefined);
    const result = await setMemberRole(teamId, member.userId, role);
    if (!result.ok) return fail(result.error.message);
    await reload();
    say(`${member.displayName} is now ${teamRoleLabel(role).toLowerCase()}.`);
  }

  async function remove(member: TeamMember) {
    setError(undefined);
    setConfirming(undefined);
    const leaving = member.userId === page.you.userId;
    const result = await removeMember(teamId, member.userId);
    if (!result.ok) return fail(result.error.message);
    if (leaving) return void navigate('/teams');
    await reload();
    say(`${member.displayName} was removed from the team.`);
  }

  return (
    <section className="team-section" aria-labelledby="members-title">
      <h2 id="members-title">Members ({page.members.length})</h2>
      <ul className="member-list">
        {page.members.map((member) => {
          const you = member.userId === page.you.userId;
          return (
            <li key={member.userId}>
              <div className="member-who">
                <strong>
                  {member.displayName}
                  {you ? ' (you)' : ''}
                </strong>
                {member.email && <span className="cell-detail">{member.email}</span>}
              </div>
              {manages ? (
                <RolePicker member={member} onChange={(role) => void changeRole(member, role)} />
              ) : (
                <span className="role-label">{teamRoleLabel(member.role)}</span>
              )}
              {confirming === member.userId ? (
                <div
                  className="confirm"
                  role="group"
                  aria-label={`Confirm for ${member.displayName}`}
                >
                  <span>{you ? 'Leave this team?' : `Remove ${member.displayName}?`}</span>
                  <button
                    className="button small danger"
                    type="button"
                    onClick={() => void remove(member)}
                  >
                    {you ? 'Yes, leave' : 'Yes, remove'}
                  </button>
                  <button
                    className="button small quiet"
                    type="button"
                    onClick={() => setConfirming(undefined)}
                  >
                    Cancel
                  </button>
                </div>
              ) : (
                (manages || you) && (
                  <button
                    className="link-button danger"
                    type="button"
                    onClick={() => setConfirming(member.userId)}
                  >
                    {you ? 'Leave team' : `Remove`}
                    {!you && <span className="visually-hidden"> {member.displayName}</span>}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <FormAlert ref={alertRef}>
          <p>{error}</p>
        </FormAlert>
      )}
      <details className="role-help">
        <summary>What each role may do</summary>
        <dl>
          {teamRoleSchema.options.map((role) => (
            <div key={role}>
              <dt>{teamRoleLabel(role)}</dt>
              <dd>{teamRoleMeaning[role]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

function RolePicker({
  member,
  onChange,
}: {
  member: TeamMember;
  onChange: (role: TeamRole) => void;
}) {
  const [role, setRole] = useState<TeamRole>(member.role);
  const id = `role-${member.userId}`;
  return (
    <span className="inline-field">
      <label htmlFor={id} className="visually-hidden">
        Role of {member.displayName}
      </label>
      <select
        id={id}
        className="select"
        value={role}
        onChange={(event) => setRole(teamRoleSchema.parse(event.target.value))}
      >
        {teamRoleSchema.options.map((option) => (
          <option key={option} value={option}>
            {teamRoleLabel(option)}
          </option>
        ))}
      </select>
      {role !== member.role && (
        <button className="button small" type="button" onClick={() => onChange(role)}>
          Save<span className="visually-hidden"> role of {member.displayName}</span>
        </button>
      )}
    </span>
  );
}
