import {
  reviewOutcomeLabel,
  type SummaryAction,
  type SummaryPreviousAction,
} from '@reflectory/shared';
import { formatDue } from '../../ui/format-due.ts';

/** The actions the session agreed, with owner and date. */
export function SummaryActions({ actions }: { actions: SummaryAction[] }) {
  return (
    <section className="summary-section" aria-labelledby="summary-actions">
      <h2 id="summary-actions">Actions</h2>
      {actions.length === 0 ? (
        <p className="muted">No actions were recorded.</p>
      ) : (
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action, index) => (
              <tr key={index}>
                <td>{action.text}</td>
                <td>{action.owner}</td>
                <td>{action.due === null ? '–' : formatDue(action.due)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What the session decided about the actions carried over from earlier sessions. */
export function SummaryPreviousActions({ actions }: { actions: SummaryPreviousAction[] }) {
  if (actions.length === 0) return null;
  return (
    <section className="summary-section" aria-labelledby="summary-previous">
      <h2 id="summary-previous">Previous actions</h2>
      <table className="summary-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Decision</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action, index) => (
            <tr key={index}>
              <td>{action.text}</td>
              <td>{action.owner}</td>
              <td>
                {action.decision === null ? 'Not reviewed' : reviewOutcomeLabel(action.decision)}
              </td>
              <td>{action.note ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
