import type { TeamAction } from '@reflectory/shared';
import { reviewOutcomeLabel } from '@reflectory/shared';
import { formatDate, formatDue } from './team-text.ts';

/** The team's open actions: who owns each, by when, and what each session decided about it. */
export function TeamActions({ actions }: { actions: TeamAction[] }) {
  return (
    <section className="team-section" aria-labelledby="actions-title">
      <h2 id="actions-title">Open actions</h2>
      {actions.length === 0 ? (
        <p className="muted">
          No open actions. Actions agreed in a session appear here until a later session marks them
          done or dropped.
        </p>
      ) : (
        <ul className="team-actions">
          {actions.map((action) => (
            <li key={action.id}>
              <p className="action-text">{action.text}</p>
              <p className="muted">
                {action.ownerName ? `Owner: ${action.ownerName}` : 'Owner: the team'}
                {' · '}
                {action.due ? `due ${formatDue(action.due)}` : 'no due date'}
              </p>
              {action.history.length > 0 && (
                <ol className="action-history" aria-label={`History of “${action.text}”`}>
                  {action.history.map((update, index) => (
                    <li key={index}>
                      <strong>{reviewOutcomeLabel(update.outcome)}</strong>
                      {update.sessionTitle ? ` in “${update.sessionTitle}”` : ''}
                      {`, ${formatDate(update.at)}`}
                      {update.note && <span className="history-note">“{update.note}”</span>}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
