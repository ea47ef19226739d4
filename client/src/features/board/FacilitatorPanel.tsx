import type { BoardView, FacilitatorView } from '@reflectory/shared';
import { useId } from 'react';

interface Props {
  view: BoardView;
  facilitation: FacilitatorView | undefined;
}

/**
 * For facilitators only, from the facilitation view the server sends them alone: how to run this
 * step, who has not accepted the agreement, how many notes wait hidden, how voting is going.
 * Counts only: never who wrote a hidden note or who voted for what.
 */
export function FacilitatorPanel({ view, facilitation }: Props) {
  const headingId = useId();
  const stepTitle = (stepId: string) =>
    view.steps.find((step) => step.id === stepId)?.title ?? stepId;
  const hidden = Object.entries(facilitation?.hiddenCounts ?? {}).filter(([, count]) => count > 0);

  return (
    <section className="panel facilitator-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>For facilitators</h2>
      {!facilitation ? (
        <p className="muted">Loading guidance…</p>
      ) : (
        <>
          <h3>Guidance for “{stepTitle(facilitation.stepId)}”</h3>
          <dl className="guidance">
            <div>
              <dt>What to do</dt>
              <dd>{facilitation.guidance.do}</dd>
            </div>
            <div>
              <dt>Watch for</dt>
              <dd>{facilitation.guidance.watchFor}</dd>
            </div>
          </dl>
          <h3>Agreement</h3>
          {facilitation.notAccepted.length === 0 ? (
            <p>
              <span aria-hidden="true">✓ </span>Every participant has accepted it.
            </p>
          ) : (
            <>
              <p>Not accepted yet ({facilitation.notAccepted.length}):</p>
              <ul className="plain-list" aria-label="Not accepted the agreement yet">
                {facilitation.notAccepted.map((person) => (
                  <li key={person.participantId}>{person.name}</li>
                ))}
              </ul>
            </>
          )}
          {hidden.length > 0 && (
            <>
              <h3>Notes not shown yet</h3>
              <ul className="plain-list" aria-label="Notes not shown yet">
                {hidden.map(([stepId, count]) => (
                  <li key={stepId}>
                    {stepTitle(stepId)}: {count} {count === 1 ? 'note' : 'notes'}
                  </li>
                ))}
              </ul>
              <p className="muted small-print">
                Hidden until a reveal, or anonymous and about to be released. Counts only: nobody
                sees whose.
              </p>
            </>
          )}
          {facilitation.voting && (
            <>
              <h3>Voting</h3>
              <p>
                {facilitation.voting.finished} of {facilitation.voting.voters}{' '}
                {facilitation.voting.voters === 1 ? 'person has' : 'people have'} used all their
                votes.
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}
