import type { BoardStepView, BoardView } from '@reflectory/shared';
import type { ReactNode } from 'react';
import { formatMinutes } from './countdown.ts';
import {
  roundOf,
  stepKindLabel,
  stepPosition,
  takesNotes,
  visibilityOf,
  visibilityText,
} from './session-view.ts';
import { TimerDisplay } from './TimerDisplay.tsx';

interface Props {
  view: BoardView;
  step: BoardStepView;
  offset: number;
  /** Facilitator controls, shown under the step for those who hold them. */
  children?: ReactNode;
}

/** The step the group is on, for everyone: its title and questions first, then the time left. */
export function CurrentStep({ view, step, offset, children }: Props) {
  const visibility = visibilityOf(view, step.id);
  const round = roundOf(view, step.id);
  const timer = view.timer?.stepId === step.id ? view.timer : undefined;
  return (
    // Named "Current step: <title>", not the title alone: a step may share its title with another
    // region of the board (the Actions step and the actions panel).
    <section className="current-step" aria-labelledby="current-step-label current-step-title">
      <span id="current-step-label" className="visually-hidden">
        Current step:
      </span>
      <div className="current-step-main">
        <div className="current-step-text">
          <p className="eyebrow">
            {stepPosition(view)} · {stepKindLabel[step.kind]} · {formatMinutes(step.timeboxMinutes)}
            {round > 1 && ` · Round ${round}`}
          </p>
          <h2 id="current-step-title" className="current-step-title" tabIndex={-1}>
            {step.title}
          </h2>
          <ul className="prompts" aria-label="Questions for this step">
            {step.prompts.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
          {takesNotes(step) && (
            <p className={`visibility-line visibility-${visibility}`}>
              <span className="visibility-icon" aria-hidden="true" />
              <strong>{visibilityText[visibility].label}.</strong>{' '}
              {visibilityText[visibility].explain}
            </p>
          )}
        </div>
        {/* An ended session has no time left to show. */}
        {timer && view.status !== 'closed' && <TimerDisplay timer={timer} offset={offset} />}
      </div>
      {children}
    </section>
  );
}
