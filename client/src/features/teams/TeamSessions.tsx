import type { TeamPage } from '@reflectory/shared';
import { Link } from 'react-router';
import { formatDate, formatDateTime, notesFate } from './team-text.ts';

/** Upcoming and ongoing sessions (to join), then past ones with when their notes go. */
export function TeamSessions({ page }: { page: TeamPage }) {
  const { upcoming, past } = page.sessions;
  const now = new Date();
  return (
    <>
      <section className="team-section" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Upcoming and ongoing sessions</h2>
        {upcoming.length === 0 ? (
          <p className="muted">No session is planned or running.</p>
        ) : (
          <ul className="session-list">
            {upcoming.map((session) => (
              <li key={session.id}>
                <p className="session-title">
                  <Link to={session.joinCode ? `/j/${session.joinCode}` : `/s/${session.id}`}>
                    {session.title}
                  </Link>
                </p>
                <p className="muted">
                  {session.modelName}
                  {' · '}
                  {session.scheduledFor
                    ? `planned for ${formatDateTime(session.scheduledFor)}`
                    : `started ${formatDateTime(session.createdAt)}`}
                  {session.joinCode && (
                    <>
                      {' · code '}
                      <span className="join-code">{session.joinCode}</span>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="team-section" aria-labelledby="past-title">
        <h2 id="past-title">Past sessions</h2>
        {past.length === 0 ? (
          <p className="muted">No session has closed yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Notes</th>
                  <th scope="col">
                    <span className="visually-hidden">Summary</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {past.map((session) => (
                  <tr key={session.id}>
                    <th scope="row">
                      {session.title}
                      <span className="cell-detail">{session.modelName}</span>
                    </th>
                    <td>{session.closedAt ? formatDate(session.closedAt) : '—'}</td>
                    <td>{notesFate(session, now)}</td>
                    <td>
                      <Link to={`/sessions/${session.id}/summary`}>
                        Summary<span className="visually-hidden"> of {session.title}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
