import type { BoardView } from '@reflectory/shared';

interface Props {
  view: BoardView;
  /** Facilitators can jump to any step from here; for others the bar is a map. */
  onGo: ((stepIndex: number) => void) | undefined;
}

/** Every step of the session in order, the current one marked in words and with aria-current. */
export function StepBar({ view, onGo }: Props) {
  return (
    <nav className="step-bar" aria-label="Session steps">
      <ol>
        {view.steps.map((step, index) => {
          const state =
            index === view.currentStepIndex
              ? 'current'
              : index < view.currentStepIndex
                ? 'done'
                : 'next';
          const content = (
            <>
              <span className="step-number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="step-title">{step.title}</span>
              {state === 'current' && <span className="visually-hidden"> (current step)</span>}
            </>
          );
          return (
            <li key={step.id} className={`step step-${state}`}>
              {onGo ? (
                <button
                  type="button"
                  className="step-button"
                  aria-current={state === 'current' ? 'step' : undefined}
                  onClick={() => onGo(index)}
                >
                  {content}
                </button>
              ) : (
                <span
                  className="step-label"
                  aria-current={state === 'current' ? 'step' : undefined}
                >
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
