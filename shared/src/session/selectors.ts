import type { Visibility } from './models/model.ts';
import { currentStep, visibilityOf } from './guards.ts';
import { isFacilitating } from './roles.ts';
import type { NoteState, SessionState } from './state.ts';
import { votesBy, votesUsed } from './decide-votes.ts';

/** Notes everyone in the session may see: everything not hidden. */
export function publicNoteIds(state: SessionState): string[] {
  return Object.entries(state.notes)
    .filter(([, note]) => !note.hidden)
    .map(([id]) => id);
}

/**
 * What one person may see: every public note, plus their own hidden named notes. Nobody, a
 * facilitator included, sees anyone else's hidden note before the reveal.
 */
export function visibleNotes(state: SessionState, viewerId: string): Record<string, NoteState> {
  const visible: Record<string, NoteState> = {};
  for (const [id, note] of Object.entries(state.notes)) {
    if (!note.hidden || note.authorId === viewerId) visible[id] = note;
  }
  return visible;
}

export function canContribute(state: SessionState, participantId: string): boolean {
  const role = state.participants[participantId]?.role;
  if (role === undefined || role === 'observer' || state.status === 'closed') return false;
  if (isFacilitating(role)) return true;
  return state.accepted[participantId] !== undefined && !state.locked;
}

export function remainingVotes(state: SessionState, participantId: string, stepId: string): number {
  const voting = state.voting[stepId];
  if (!voting || voting.status !== 'open') return 0;
  return Math.max(0, voting.budget - votesUsed(voting, participantId));
}

export function canVote(state: SessionState, participantId: string, noteId: string): boolean {
  const note = state.notes[noteId];
  if (!note || note.hidden || !canContribute(state, participantId)) return false;
  const voting = state.voting[note.stepId];
  if (!voting || voting.status !== 'open' || voting.round !== note.round) return false;
  const mine = votesBy(voting, participantId)[noteId] ?? 0;
  return mine < voting.maxPerNote && remainingVotes(state, participantId, note.stepId) > 0;
}

export function effectiveVisibility(state: SessionState, stepId: string): Visibility | undefined {
  const step = state.steps.find((candidate) => candidate.id === stepId);
  return step ? visibilityOf(state, step) : undefined;
}

/** Sent to facilitators only: guidance, who has not accepted the agreement, hidden-note counts. */
export interface FacilitatorView {
  stepId: string;
  guidance: { do: string; watchFor: string };
  notAccepted: Array<{ participantId: string; name: string }>;
  /** Hidden notes waiting for a reveal, per step: counts only, never who or what. */
  hiddenCounts: Record<string, number>;
  /** People who may vote and how many have used every vote, for the current step. */
  voting: { voters: number; finished: number } | null;
}

export function facilitatorView(state: SessionState): FacilitatorView {
  const step = currentStep(state);
  const hiddenCounts: Record<string, number> = {};
  for (const note of Object.values(state.notes)) {
    // [AR6] Held anonymous notes are never counted: a count that moved the moment someone pressed
    // Post would say when they did.
    if (note.hidden && !note.held) {
      hiddenCounts[note.stepId] = (hiddenCounts[note.stepId] ?? 0) + 1;
    }
  }
  const notAccepted = Object.entries(state.participants)
    .filter(([id, person]) => person.role === 'participant' && state.accepted[id] === undefined)
    .map(([participantId, person]) => ({ participantId, name: person.name }));
  const votingState = state.voting[step.id];
  let voting: FacilitatorView['voting'] = null;
  if (votingState?.status === 'open') {
    const voters = Object.keys(state.participants).filter((id) => canContribute(state, id));
    voting = {
      voters: voters.length,
      finished: voters.filter((id) => votesUsed(votingState, id) >= votingState.budget).length,
    };
  }
  return { stepId: step.id, guidance: step.guidance, notAccepted, hiddenCounts, voting };
}

/** Sent to one person only: their standing in the session and their own votes. */
export interface PrivateView {
  participantId: string;
  role: SessionState['participants'][string]['role'];
  acceptedAgreement: boolean;
  /** Your hidden named notes (anonymous ones are known only to your browser). */
  hiddenNotes: Array<{ noteId: string; stepId: string; text: string }>;
  votes: {
    stepId: string;
    budget: number;
    maxPerNote: number;
    remaining: number;
    byNote: Record<string, number>;
  } | null;
}

export function privateView(state: SessionState, participantId: string): PrivateView {
  const step = currentStep(state);
  const role = state.participants[participantId]?.role ?? 'observer';
  const voting = state.voting[step.id];
  const hiddenNotes = Object.entries(state.notes)
    .filter(([, note]) => note.hidden && note.authorId === participantId)
    .map(([noteId, note]) => ({ noteId, stepId: note.stepId, text: note.text }));
  return {
    participantId,
    role,
    acceptedAgreement: isFacilitating(role) || state.accepted[participantId] !== undefined,
    hiddenNotes,
    votes:
      voting?.status === 'open'
        ? {
            stepId: step.id,
            budget: voting.budget,
            maxPerNote: voting.maxPerNote,
            remaining: remainingVotes(state, participantId, step.id),
            byNote: { ...votesBy(voting, participantId) },
          }
        : null,
  };
}
