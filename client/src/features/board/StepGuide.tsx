import type { BoardView, FacilitatorView } from '@reflectory/shared';
import { AgreementText } from './AgreementText.tsx';
import type { Standing } from './session-view.ts';

interface Props {
  view: BoardView;
  standing: Standing;
  facilitation: FacilitatorView | undefined;
  present: number;
}

/** What the lobby and the agreement step show, where there are no notes to write. */
export function StepGuide({ view, standing, facilitation, present }: Props) {
  const step = view.currentStep;
  if (step?.kind === 'lobby') {
    const next = view.steps[view.currentStepIndex + 1];
    return (
      <section className="area step-guide" aria-label="Before we start">
        {standing.facilitating ? (
          <p>
            Share the join link or the code. {present} {present === 1 ? 'person is' : 'people are'}{' '}
            here. When everyone has arrived, press{' '}
            <strong>Next{next ? `: ${next.title}` : ''}</strong> to begin.
          </p>
        ) : (
          <p>You are in. The session starts when the facilitator moves on to the first step.</p>
        )}
      </section>
    );
  }
  if (step?.kind === 'agreement') {
    const waiting = facilitation?.notAccepted ?? [];
    return (
      <section className="area step-guide" aria-labelledby="agreement-step-title">
        <h2 id="agreement-step-title">The group’s agreement</h2>
        <AgreementText text={view.agreementText} />
        {standing.facilitating ? (
          <p role="status">
            {waiting.length === 0
              ? 'Every participant has accepted the agreement.'
              : `Waiting for ${waiting.length} to accept: ${waiting.map((person) => person.name).join(', ')}.`}
          </p>
        ) : (
          standing.acceptedAgreement && (
            <p className="accepted">
              <span aria-hidden="true">✓ </span>You have accepted the agreement.
            </p>
          )
        )}
      </section>
    );
  }
  return null;
}
