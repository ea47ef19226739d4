import type { ReflectionSummary } from '@reflectory/shared';
import { Link, useParams } from 'react-router';
import { summaryDownloadPath, type SummaryFormat } from '../../api/summary-api.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { SummaryActions, SummaryPreviousActions } from './SummaryActions.tsx';
import { SummaryStage } from './SummaryStage.tsx';
import { dateAndTime, longDate } from './summary-format.ts';
import { useSummary } from './use-summary.ts';
import './summary.css';

const downloads: Array<{ format: SummaryFormat; label: string }> = [
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'csv', label: 'Spreadsheet (.csv)' },
  { format: 'json', label: 'Data (.json)' },
];

function Summary({ summary }: { summary: ReflectionSummary }) {
  const deleted = summary.notesDeleted;
  return (
    <article className="summary-page">
      <title>{`Summary: ${summary.title} · Reflectory`}</title>
      <header className="summary-header">
        <p className="summary-kicker">Session summary</p>
        <h1>{summary.title}</h1>
        <dl className="summary-facts">
          <div>
            <dt>Model</dt>
            <dd>{summary.modelName}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{dateAndTime(summary.createdAt)}</dd>
          </div>
          <div>
            <dt>Closed</dt>
            <dd>{summary.closedAt === null ? 'Still open' : dateAndTime(summary.closedAt)}</dd>
          </div>
          <div>
            <dt>People</dt>
            <dd>{summary.counts.participants}</dd>
          </div>
          <div>
            <dt>Notes</dt>
            <dd>{summary.counts.notes}</dd>
          </div>
        </dl>
      </header>

      {deleted && (
        <div className="notice summary-deleted">
          <h2>The notes were deleted</h2>
          <p>
            Under this session’s retention policy (
            {deleted.retentionDays === 0
              ? 'notes go when a session closes'
              : `${deleted.retentionDays} ${deleted.retentionDays === 1 ? 'day' : 'days'} after closing`}
            ), its notes were deleted on {longDate(deleted.at)}. What remains: the themes, counts,
            vote tallies and actions.
          </p>
        </div>
      )}

      <section className="summary-toolbar" aria-labelledby="summary-downloads">
        <h2 id="summary-downloads">Download or print</h2>
        <ul className="summary-downloads">
          {downloads.map(({ format, label }) => (
            <li key={format}>
              <a
                className="button small"
                href={summaryDownloadPath(summary.sessionId, format)}
                download
              >
                {label}
              </a>
            </li>
          ))}
          <li>
            <button className="button small primary" type="button" onClick={() => window.print()}>
              Print or save as PDF
            </button>
          </li>
        </ul>
        <p className="muted">
          Anonymous notes carry no name, and notes that were never revealed are not included.
          Downloads of a team’s session are recorded in the team’s audit log.
        </p>
        {!deleted && (
          <p className="summary-back">
            <Link to={`/s/${encodeURIComponent(summary.sessionId)}`}>Back to the board</Link>
          </p>
        )}
      </section>

      {summary.closedAt === null && (
        <p className="notice">
          This session is still open: the summary shows the board as it is now.
        </p>
      )}

      <SummaryPreviousActions actions={summary.previousActions} />
      {summary.stages.map((stage, index) => (
        <SummaryStage
          key={stage.id}
          stage={stage}
          number={index + 1}
          notesDeleted={deleted !== null}
        />
      ))}
      <SummaryActions actions={summary.actions} />
    </article>
  );
}

/** `/sessions/:sessionId/summary`: the summary, for facilitators and the team's members. */
export function SummaryPage() {
  const { sessionId = '' } = useParams();
  const { state, reload } = useSummary(sessionId);

  switch (state.kind) {
    case 'loading':
      return (
        <section className="page narrow">
          <title>Summary · Reflectory</title>
          <p role="status">Loading the summary…</p>
        </section>
      );
    case 'refused':
      return (
        <section className="page narrow">
          <title>Summary not available · Reflectory</title>
          <h1>This summary is not available to you</h1>
          <p>{state.message}</p>
          <p>
            <Link to="/">Back to the start page</Link>
          </p>
        </section>
      );
    case 'failed':
      return (
        <section className="page narrow">
          <title>Summary not available · Reflectory</title>
          <h1>The summary could not be loaded</h1>
          <FormAlert>
            <p>{state.message}</p>
          </FormAlert>
          <p>
            <button className="button" type="button" onClick={reload}>
              Try again
            </button>
          </p>
        </section>
      );
    case 'loaded':
      return <Summary summary={state.summary} />;
  }
}
