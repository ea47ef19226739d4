import type { BoardView, PrivateView } from '@reflectory/shared';
import { decisionAnnouncement } from './previous-actions-text.ts';

/**
 * What to say out loud when the shared board changes: the step, the timer running out, voting, the
 * lock and decisions on earlier actions. Once per change, never per tick or per note, which would
 * drown the room.
 */
export function boardAnnouncement(before: BoardView, after: BoardView): string | undefined {
  if (before.status === 'open' && after.status === 'closed') {
    return 'This session has ended. Notes can no longer be added or changed.';
  }
  const step = after.currentStep;
  if (!step) return undefined;
  if (before.currentStep?.id !== step.id) {
    return `Now on step ${after.currentStepIndex + 1} of ${after.steps.length}: ${step.title}.`;
  }
  const messages: string[] = [];
  const timerBefore = before.timer?.stepId === step.id ? before.timer.status : undefined;
  const timerAfter = after.timer?.stepId === step.id ? after.timer.status : undefined;
  if (timerAfter === 'expired' && timerBefore !== 'expired') {
    messages.push(`Time is up for “${step.title}”.`);
  }
  const votingBefore = before.stepState[step.id]?.voting?.status;
  const votingAfter = after.stepState[step.id]?.voting?.status;
  if (votingAfter === 'open' && votingBefore !== 'open') messages.push('Voting is open.');
  if (votingAfter === 'closed' && votingBefore === 'open') {
    messages.push('Voting has closed; the votes for each note are shown.');
  }
  for (const action of after.previousActions) {
    const earlier = before.previousActions.find((candidate) => candidate.id === action.id);
    if (earlier && JSON.stringify(earlier.decision) !== JSON.stringify(action.decision)) {
      const text = decisionAnnouncement(action);
      if (text) messages.push(text);
    }
  }
  if (!before.locked && after.locked) messages.push('The facilitator has locked the board.');
  if (before.locked && !after.locked) messages.push('The board is unlocked.');
  return messages.length > 0 ? messages.join(' ') : undefined;
}

export function privateAnnouncement(
  before: PrivateView | undefined,
  after: PrivateView | undefined,
): string | undefined {
  if (!before || !after) return undefined;
  if (!before.acceptedAgreement && after.acceptedAgreement) {
    return 'Thank you: you have accepted the agreement and can now write on the board.';
  }
  if (before.role !== after.role) {
    return after.role === 'co-facilitator'
      ? 'You are now a co-facilitator: the facilitator’s controls are yours too.'
      : `You are now a ${after.role}.`;
  }
  return undefined;
}
