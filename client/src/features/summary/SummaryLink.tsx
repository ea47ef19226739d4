import { Link } from 'react-router';

/** For facilitators on the board: the session's summary, to read, download or print. */
export function SummaryLink({ sessionId }: { sessionId: string }) {
  return (
    <Link className="button small quiet" to={`/sessions/${encodeURIComponent(sessionId)}/summary`}>
      Summary and export
    </Link>
  );
}
