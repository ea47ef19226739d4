import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { closingEvents, decideReveal } from './decide-release.ts';
import { closeOpenVoting } from './decide-votes.ts';
import { currentStep, requireFacilitating, roleOf, roundOf, stepById } from './guards.ts';
import { Role } from './roles.ts';
import type { SessionState } from './state.ts';
import { takesNotes } from './steps.ts';

export const timerMaxMs = 3 * 60 * 60_000;

type FacilitationCommand = Extract<
  SessionCommand,
  {
    type:
      | 'goToStep'
      | 'rerunStep'
      | 'setVisibility'
      | 'reveal'
      | 'setLocked'
      | 'spotlight'
      | 'startTimer'
      | 'pauseTimer'
      | 'extendTimer'
      | 'resetTimer'
      | 'setRole'
      | 'removeParticipant'
      | 'closeSession';
  }
>;

/** The facilitator's controls over the flow, the timer, visibility and roles. */
export function decideFacilitation(
  state: SessionState,
  actor: Actor,
  command: FacilitationCommand,
  now: number,
): Result<SessionEvent[]> {
  // [F1] Every facilitator control is refused to anyone who is not facilitating.
  const refused = requireFacilitating(state, actor);
  if (refused) return refused;

  switch (command.type) {
    case 'goToStep': {
      // [F2] A facilitator moves to any step, forward or back (skipping is moving on); nothing on
      // the board is lost by moving.
      if (
        !Number.isInteger(command.stepIndex) ||
        command.stepIndex < 0 ||
        command.stepIndex >= state.steps.length
      ) {
        return fail(ErrorCode.invalidRequest, 'There is no such step.');
      }
      if (command.stepIndex === state.currentStep) return ok([]);
      return ok([{ type: 'StepEntered', stepIndex: command.stepIndex, at: now }]);
    }
    case 'rerunStep': {
      // [F3] Running a stage again starts a new round of it: a fresh timer, fresh voting, and for a
      // hidden stage, silent writing again; earlier rounds' notes stay.
      const step = currentStep(state);
      if (!takesNotes(step))
        return fail(ErrorCode.invalidRequest, 'Only a step with notes can be run again.');
      // [V7] Voting still open on it closes first, with its tallies, as closing it would.
      return ok([
        ...closeOpenVoting(state, [step.id], now),
        { type: 'StepRerun', stepId: step.id, round: roundOf(state, step.id) + 1, at: now },
      ]);
    }
    case 'setVisibility': {
      const step = stepById(state, command.stepId);
      if (!step || !takesNotes(step))
        return fail(ErrorCode.invalidRequest, 'There is no such step with notes.');
      return ok([
        { type: 'VisibilitySet', stepId: step.id, visibility: command.visibility, at: now },
      ]);
    }
    case 'reveal':
      return decideReveal(state, command.stepId, command.pool, now);
    case 'setLocked':
      if (command.locked === state.locked) return ok([]);
      return ok([{ type: 'LockSet', locked: command.locked, at: now }]);
    case 'spotlight': {
      if (command.noteId !== null) {
        const note = state.notes[command.noteId];
        // [L2] Only a note everyone can see may be spotlit.
        if (!note || note.hidden) return fail(ErrorCode.notFound, 'That note is not on the board.');
      }
      return ok([{ type: 'Spotlighted', noteId: command.noteId, at: now }]);
    }
    case 'startTimer': {
      // [T1] Starting runs the timer from what is left (or a given length) to a deadline in state.
      const timer = state.timer;
      if (timer.status === 'running')
        return fail(ErrorCode.conflict, 'The timer is already running.');
      const durationMs =
        command.durationMs ?? (timer.status === 'expired' ? timer.durationMs : timer.remainingMs);
      if (!Number.isFinite(durationMs) || durationMs < 1000 || durationMs > timerMaxMs) {
        return fail(
          ErrorCode.invalidRequest,
          'A timer runs for between one second and three hours.',
        );
      }
      return ok([
        {
          type: 'TimerStarted',
          deadline: now + durationMs,
          durationMs: command.durationMs ?? timer.durationMs,
          at: now,
        },
      ]);
    }
    case 'pauseTimer': {
      if (state.timer.status !== 'running' || state.timer.deadline === null) {
        return fail(ErrorCode.conflict, 'The timer is not running.');
      }
      return ok([
        { type: 'TimerPaused', remainingMs: Math.max(0, state.timer.deadline - now), at: now },
      ]);
    }
    case 'extendTimer': {
      // [T2] Extending adds time to a running, paused or idle timer, up to three hours left.
      if (!Number.isInteger(command.ms) || command.ms <= 0) {
        return fail(
          ErrorCode.invalidRequest,
          'Extend the timer by a positive number of milliseconds.',
        );
      }
      const left =
        state.timer.deadline !== null && state.timer.status === 'running'
          ? state.timer.deadline - now
          : state.timer.remainingMs;
      if (left + command.ms > timerMaxMs)
        return fail(ErrorCode.invalidRequest, 'A timer can run for three hours at most.');
      if (state.timer.status === 'expired') {
        return ok([
          {
            type: 'TimerStarted',
            deadline: now + command.ms,
            durationMs: state.timer.durationMs,
            at: now,
          },
        ]);
      }
      return ok([{ type: 'TimerExtended', ms: command.ms, at: now }]);
    }
    case 'resetTimer':
      return ok([{ type: 'TimerReset', at: now }]);
    case 'setRole': {
      // [R1] Only the facilitator names or removes a co-facilitator, and only among participants.
      if (roleOf(state, actor) !== Role.facilitator) {
        return fail(ErrorCode.forbidden, 'Only the facilitator can name a co-facilitator.');
      }
      const target = state.participants[command.participantId];
      if (!target) return fail(ErrorCode.notFound, 'That person is not in this session.');
      if (target.role === Role.facilitator)
        return fail(ErrorCode.forbidden, 'The facilitator’s role cannot be changed.');
      if (command.role === Role.facilitator)
        return fail(ErrorCode.invalidRequest, 'A session has one facilitator.');
      if (target.role === command.role) return ok([]);
      return ok([
        { type: 'RoleSet', participantId: command.participantId, role: command.role, at: now },
      ]);
    }
    case 'removeParticipant': {
      // [R4] A facilitator removes someone from the session; the facilitator cannot be removed.
      const target = state.participants[command.participantId];
      if (!target) return fail(ErrorCode.notFound, 'That person is not in this session.');
      if (target.role === Role.facilitator) {
        return fail(ErrorCode.forbidden, 'The facilitator cannot be removed.');
      }
      if (target.role === Role.coFacilitator && roleOf(state, actor) !== Role.facilitator) {
        return fail(ErrorCode.forbidden, 'Only the facilitator can remove a co-facilitator.');
      }
      return ok([{ type: 'ParticipantRemoved', participantId: command.participantId, at: now }]);
    }
    case 'closeSession':
      // [F5] Only those facilitating (facilitator or co-facilitator) end the session; [AR5] what
      // is still held is settled first.
      return closingEvents(state, command.pool, now);
  }
}

/** [T3] The server's clock expires a running timer once its deadline has passed, and nothing else. */
export function decideExpiry(
  state: SessionState,
  actor: Actor,
  now: number,
): Result<SessionEvent[]> {
  if (actor.kind !== 'system')
    return fail(ErrorCode.forbidden, 'Only the server’s clock ends a timer.');
  if (
    state.timer.status !== 'running' ||
    state.timer.deadline === null ||
    state.timer.deadline > now
  )
    return ok([]);
  return ok([{ type: 'TimerExpired', at: now }]);
}

/** [A2] Accepting the agreement is recorded once per participant, with its time. */
export function decideAgreement(
  state: SessionState,
  actor: Actor,
  now: number,
): Result<SessionEvent[]> {
  if (actor.kind !== 'person' || !state.participants[actor.participantId]) {
    return fail(ErrorCode.forbidden, 'You are not in this session.');
  }
  if (state.accepted[actor.participantId] !== undefined) return ok([]);
  return ok([{ type: 'AgreementAccepted', participantId: actor.participantId, at: now }]);
}
