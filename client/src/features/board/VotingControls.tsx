import {
  voteBudgetMax,
  type BoardStepView,
  type BoardView,
  type FacilitatorView,
} from '@reflectory/shared';
import { useId, useState } from 'react';
import type { BoardActions } from './board-actions.ts';

interface Props {
  view: BoardView;
  step: BoardStepView;
  progress: FacilitatorView['voting'];
  actions: BoardActions;
}

function clampInt(value: string, min: number, max: number, fallback: number): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
}

/** For facilitators: opens voting with a budget, follows progress, closes it to show results. */
export function VotingControls({ view, step, progress, actions }: Props) {
  const voting = view.stepState[step.id]?.voting;
  const budgetId = useId();
  const perNoteId = useId();
  const [budget, setBudget] = useState('3');
  const [perNote, setPerNote] = useState('1');

  if (voting?.status === 'open') {
    return (
      <div className="control-row" role="group" aria-label="Voting">
        <span className="control-label">Voting is open</span>
        <span className="muted">
          {voting.budget} {voting.budget === 1 ? 'vote' : 'votes'} each
          {voting.maxPerNote > 1 ? `, up to ${voting.maxPerNote} on one note` : ''}.
          {progress &&
            ` ${progress.finished} of ${progress.voters} ${progress.voters === 1 ? 'person has' : 'people have'} used all their votes.`}
        </span>
        <button
          className="button small primary"
          type="button"
          onClick={() => actions.send('voting:close', { stepId: step.id })}
        >
          Close voting and show results
        </button>
      </div>
    );
  }

  const budgetValue = clampInt(budget, 1, voteBudgetMax, 3);
  return (
    <form
      className="control-row"
      aria-label="Voting"
      onSubmit={(event) => {
        event.preventDefault();
        actions.send('voting:open', {
          stepId: step.id,
          budget: budgetValue,
          maxPerNote: clampInt(perNote, 1, budgetValue, 1),
        });
      }}
    >
      <span className="control-label" aria-hidden="true">
        Voting
      </span>
      <label className="inline-field" htmlFor={budgetId}>
        Votes each
        <input
          id={budgetId}
          className="number-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={voteBudgetMax}
          value={budget}
          onChange={(event) => setBudget(event.target.value)}
        />
      </label>
      <label className="inline-field" htmlFor={perNoteId}>
        Most on one note
        <input
          id={perNoteId}
          className="number-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={budgetValue}
          value={perNote}
          onChange={(event) => setPerNote(event.target.value)}
        />
      </label>
      <button className="button small" type="submit">
        {voting ? 'Open voting again' : 'Open voting'}
      </button>
    </form>
  );
}
