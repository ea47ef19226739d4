import { Link, useParams } from 'react-router';
import { LiveBoard } from './LiveBoard.tsx';
import { useMembership } from './use-membership.ts';

/** `/s/:sessionId`: the live board, for a browser that is in the session. */
export function BoardPage() {
  const { sessionId = '' } = useParams();
  const { state, reload } = useMembership(sessionId);

  switch (state.kind) {
    case 'loading':
      return (
        <section className="page narrow">
          <title>Opening the board · Reflectory</title>
          <p role="status">Opening the board…</p>
        </section>
      );
    case 'outsider':
    case 'missing':
      return (
        <section className="page narrow">
          <title>{`${state.kind === 'missing' ? 'No such session' : 'Not in this session'} · Reflectory`}</title>
          <h1>
            {state.kind === 'missing' ? 'There is no such session' : 'You are not in this session'}
          </h1>
          <p>{state.message}</p>
          <p>
            <Link className="button primary" to="/join">
              Join with a code
            </Link>
          </p>
        </section>
      );
    case 'failed':
      return (
        <section className="page narrow">
          <title>Board not available · Reflectory</title>
          <h1>The board could not be opened</h1>
          <div className="form-alert" role="alert">
            <p>{state.message}</p>
          </div>
          <p>
            <button className="button" type="button" onClick={reload}>
              Try again
            </button>
          </p>
        </section>
      );
    case 'member': {
      const { session, you } = state.membership;
      return <LiveBoard key={`${session.id}:${you.id}`} membership={state.membership} />;
    }
  }
}
