import { ErrorCode } from '../errors.ts';
import { fail, type Failure } from '../result.ts';
import type { Actor } from './commands.ts';
import { isFacilitating, type Role } from './roles.ts';
import type { SessionState } from './state.ts';
import { takesNotes, type Step } from './steps.ts';
import type { Visibility } from './models/model.ts';

export function roleOf(state: SessionState, actor: Actor): Role | undefined {
  return actor.kind === 'person' ? state.participants[actor.participantId]?.role : undefined;
}

/** The facilitator's controls: facilitators and co-facilitators only. */
export function requireFacilitating(state: SessionState, actor: Actor): Failure | undefined {
  const role = roleOf(state, actor);
  if (role === undefined || !isFacilitating(role)) {
    return fail(ErrorCode.forbidden, 'Only a facilitator can do that.');
  }
  return undefined;
}

/**
 * Writing on the board (notes, votes): never an observer; a participant only after accepting the
 * agreement, and not while a facilitator has locked the board.
 */
export function requireContributor(state: SessionState, actor: Actor): Failure | undefined {
  const role = roleOf(state, actor);
  if (role === undefined || actor.kind !== 'person')
    return fail(ErrorCode.forbidden, 'You are not in this session.');
  // [R3] An observer reads and never writes.
  if (role === 'observer')
    return fail(ErrorCode.forbidden, 'Observers can read the board but not write on it.');
  if (isFacilitating(role)) return undefined;
  // [A1] A participant accepts the agreement before contributing.
  if (state.accepted[actor.participantId] === undefined) {
    return fail(ErrorCode.forbidden, 'Please read and accept the agreement before contributing.');
  }
  // [L1] While the board is locked, only facilitators change it.
  if (state.locked)
    return fail(ErrorCode.conflict, 'The facilitator has locked the board for now.');
  return undefined;
}

export function currentStep(state: SessionState): Step {
  const step = state.steps[state.currentStep];
  if (!step) throw new Error(`current step ${state.currentStep} is out of range`);
  return step;
}

export function stepById(state: SessionState, stepId: string): Step | undefined {
  return state.steps.find((step) => step.id === stepId);
}

export function roundOf(state: SessionState, stepId: string): number {
  return state.rounds[stepId] ?? 1;
}

export function visibilityOf(state: SessionState, step: Step): Visibility {
  return state.visibility[step.id] ?? step.visibility;
}

export function isNoteStep(step: Step | undefined): step is Step {
  return step !== undefined && takesNotes(step);
}
