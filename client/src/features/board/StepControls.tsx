import {
  visibilitySchema,
  type BoardStepView,
  type BoardView,
  type FacilitatorView,
  type Visibility,
} from '@reflectory/shared';
import { useId, useState } from 'react';
import type { BoardActions } from './board-actions.ts';
import { formatMinutes } from './countdown.ts';
import { takesNotes, visibilityOf, visibilityText } from './session-view.ts';
import { VotingControls } from './VotingControls.tsx';

interface Props {
  view: BoardView;
  step: BoardStepView;
  facilitation: FacilitatorView | undefined;
  actions: BoardActions;
}

/** The facilitator's controls over the current step: moving on, the timer, who sees what, voting. */
export function StepControls({ view, step, facilitation, actions }: Props) {
  const index = view.currentStepIndex;
  const previous = view.steps[index - 1];
  const next = view.steps[index + 1];
  return (
    <div className="step-controls" role="group" aria-label="Facilitator controls for this step">
      <div className="control-row">
        {previous && (
          <button
            className="button small quiet"
            type="button"
            onClick={() => actions.send('step:go', { stepIndex: index - 1 })}
          >
            <span aria-hidden="true">←</span>Back: {previous.title}
          </button>
        )}
        {next && (
          <button
            className="button small primary"
            type="button"
            onClick={() => actions.send('step:go', { stepIndex: index + 1 })}
          >
            Next: {next.title}
            <span aria-hidden="true">→</span>
          </button>
        )}
        {takesNotes(step) && (
          <button
            className="button small quiet"
            type="button"
            onClick={() => actions.send('step:rerun', {})}
          >
            Run this step again
          </button>
        )}
        <button
          className="button small quiet"
          type="button"
          aria-pressed={view.locked}
          onClick={() => actions.send('board:lock', { locked: !view.locked })}
        >
          {view.locked && <span aria-hidden="true">✓</span>}
          Lock the board
        </button>
      </div>
      <TimerControls view={view} step={step} actions={actions} />
      {takesNotes(step) && (
        <VisibilityControl
          key={`${step.id}:${visibilityOf(view, step.id)}`}
          view={view}
          step={step}
          hidden={facilitation?.hiddenCounts[step.id] ?? 0}
          actions={actions}
        />
      )}
      {step.kind === 'stage' && step.voting && (
        <VotingControls
          view={view}
          step={step}
          progress={facilitation?.stepId === step.id ? facilitation.voting : null}
          actions={actions}
        />
      )}
    </div>
  );
}

function TimerControls({
  view,
  step,
  actions,
}: {
  view: BoardView;
  step: BoardStepView;
  actions: BoardActions;
}) {
  const status = view.timer?.stepId === step.id ? view.timer.status : 'idle';
  const start = () => actions.send('timer:start', { durationMs: null });
  return (
    <div className="control-row" role="group" aria-label="Timer">
      <span className="control-label" aria-hidden="true">
        Timer
      </span>
      {status === 'idle' && (
        <button className="button small" type="button" onClick={start}>
          Start timer ({formatMinutes(step.timeboxMinutes)})
        </button>
      )}
      {status === 'running' && (
        <button
          className="button small"
          type="button"
          onClick={() => actions.send('timer:pause', {})}
        >
          Pause timer
        </button>
      )}
      {status === 'paused' && (
        <button className="button small" type="button" onClick={start}>
          Resume timer
        </button>
      )}
      {status === 'expired' && (
        <button className="button small" type="button" onClick={start}>
          Start timer again
        </button>
      )}
      {/* The name is the visible text, so that a voice-control user says what they see. */}
      <button
        className="button small quiet"
        type="button"
        onClick={() => actions.send('timer:extend', { ms: 60_000 })}
      >
        +1 minute
      </button>
      <button
        className="button small quiet"
        type="button"
        onClick={() => actions.send('timer:extend', { ms: 300_000 })}
      >
        +5 minutes
      </button>
      {status !== 'idle' && (
        <button
          className="button small quiet"
          type="button"
          onClick={() => actions.send('timer:reset', {})}
        >
          Reset timer
        </button>
      )}
    </div>
  );
}

function VisibilityControl({
  view,
  step,
  hidden,
  actions,
}: {
  view: BoardView;
  step: BoardStepView;
  hidden: number;
  actions: BoardActions;
}) {
  const current = visibilityOf(view, step.id);
  const [chosen, setChosen] = useState<Visibility>(current);
  // The count holds only notes waiting for a reveal (never anonymous notes waiting for their
  // batch), so any count, even outside a hidden step (left from silent writing), offers a reveal.
  const offerReveal = hidden > 0;
  const selectId = useId();
  return (
    <div className="control-row">
      <label className="control-label" htmlFor={selectId}>
        Who sees new notes
      </label>
      <select
        id={selectId}
        className="select small"
        value={chosen}
        onChange={(event) => {
          const parsed = visibilitySchema.safeParse(event.target.value);
          if (parsed.success) setChosen(parsed.data);
        }}
      >
        {visibilitySchema.options.map((option) => (
          <option key={option} value={option}>
            {visibilityText[option].label}
          </option>
        ))}
      </select>
      {chosen !== current && (
        <button
          className="button small"
          type="button"
          onClick={() => actions.send('step:visibility', { stepId: step.id, visibility: chosen })}
        >
          Apply
        </button>
      )}
      {offerReveal && (
        <button
          className="button small primary"
          type="button"
          onClick={() => actions.send('step:reveal', { stepId: step.id })}
        >
          Reveal {hidden} hidden {hidden === 1 ? 'note' : 'notes'}
        </button>
      )}
    </div>
  );
}
