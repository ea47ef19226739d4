import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AlreadyJoined } from './AlreadyJoined.tsx';
import { NameForm } from './NameForm.tsx';
import { useJoinLookup } from './use-join-lookup.ts';

/** `/j/:code`: the link a facilitator shared, with the code already in it. */
export function JoinFromLink({ code }: { code: string }) {
  const state = useJoinLookup(code);
  const navigate = useNavigate();
  const [asNew, setAsNew] = useState(false);
  const openBoard = (sessionId: string) => void navigate(`/s/${sessionId}`);

  if (state.kind === 'loading') {
    return (
      <section className="page narrow">
        <title>Join a session · Reflectory</title>
        <h1>Join a session</h1>
        <p role="status">Looking up the session…</p>
      </section>
    );
  }
  if (state.kind === 'failed') return <LinkProblem message={state.message} />;

  const { session, you } = state.lookup;
  return (
    <section className="page narrow" aria-labelledby="join-title">
      <title>{`Join ${session.title} · Reflectory`}</title>
      <p className="eyebrow">You are invited to join</p>
      <h1 id="join-title">{session.title}</h1>
      {you && !asNew ? (
        <AlreadyJoined
          title={session.title}
          you={you}
          onContinue={() => openBoard(session.id)}
          onJoinAsSomeoneElse={() => setAsNew(true)}
        />
      ) : (
        <NameForm
          code={state.code}
          asNewParticipant={asNew}
          replacing={asNew ? you?.displayName : undefined}
          onJoined={openBoard}
        />
      )}
    </section>
  );
}

function LinkProblem({ message }: { message: string }) {
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => messageRef.current?.focus(), []);
  return (
    <section className="page narrow">
      <title>Join link not working · Reflectory</title>
      <h1>This join link does not work</h1>
      <div ref={messageRef} className="form-alert" role="alert" tabIndex={-1}>
        <p>{message}</p>
      </div>
      <p>
        <Link to="/join">Type a join code instead</Link>
      </p>
    </section>
  );
}
