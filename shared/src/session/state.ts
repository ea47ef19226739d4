import type { Visibility } from './models/model.ts';
import type { PreviousActionState } from './previous-actions.ts';
import type { Role } from './roles.ts';
import type { Step } from './steps.ts';

export interface NoteState {
  stepId: string;
  /** Which run of the step it was posted in (a step can be run again). */
  round: number;
  text: string;
  /** Null for an anonymous note: its author is not kept, anywhere. */
  authorId: string | null;
  /** For an anonymous note, the hash of the secret its author holds; null otherwise. */
  ownerHash: string | null;
  /** Not yet visible to the session: posted in a hidden step, or anonymous and not yet released. */
  hidden: boolean;
  /**
   * Anonymous and waiting for release (in a batch, or at the reveal of a hidden step). Held notes
   * are stored apart from the event log, so their posting order and time are kept nowhere.
   */
  held: boolean;
  groupId: string | null;
  /**
   * A change its anonymous author made after the note was shown, waiting for the next batch:
   * new text, or null for a deletion. Applied immediately, it would show when the author acted.
   */
  pendingChange: { text: string | null } | null;
  createdAt: number;
  editedAt: number | null;
  /** When it became visible to everyone (its creation, or the reveal). */
  shownAt: number | null;
}

export interface VotingState {
  status: 'open' | 'closed';
  round: number;
  budget: number;
  maxPerNote: number;
  /**
   * participant → note → votes, while voting is open. Never published (only counts leave the
   * server) and never logged: the server's ballots table holds it until voting closes.
   */
  cast: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Published when voting closes. */
  tallies: Readonly<Record<string, number>> | null;
}

export interface TimerState {
  stepId: string;
  status: 'idle' | 'running' | 'paused' | 'expired';
  durationMs: number;
  /** Server time (ms since the epoch) at which a running timer ends. */
  deadline: number | null;
  /** Time left while idle or paused. */
  remainingMs: number;
}

export interface ActionOwner {
  kind: 'participant' | 'team';
  participantId: string | null;
}

export interface ActionState {
  text: string;
  owner: ActionOwner;
  /** yyyy-mm-dd, or null. */
  due: string | null;
  createdAt: number;
}

export interface ParticipantState {
  name: string;
  role: Role;
}

export interface SessionState {
  title: string;
  modelId: string;
  modelName: string;
  status: 'open' | 'closed';
  steps: readonly Step[];
  currentStep: number;
  /** Current round of each step that has been run again (1 when absent). */
  rounds: Readonly<Record<string, number>>;
  /** Visibility set by a facilitator, overriding the step's default. */
  visibility: Readonly<Record<string, Visibility>>;
  locked: boolean;
  spotlight: string | null;
  timer: TimerState;
  agreementText: string;
  /** participant → when they accepted the agreement. */
  accepted: Readonly<Record<string, number>>;
  participants: Readonly<Record<string, ParticipantState>>;
  notes: Readonly<Record<string, NoteState>>;
  /** Voting of each step's current round. */
  voting: Readonly<Record<string, VotingState>>;
  groups: Readonly<Record<string, { stepId: string; title: string }>>;
  actions: Readonly<Record<string, ActionState>>;
  /**
   * Held anonymous items that went back to their authors (AR3–AR5), with when: ids only, which
   * only the browser holding a note's secret can recognise as its own.
   */
  returned: Readonly<Record<string, number>>;
  /** A team session's open actions from earlier sessions, in order, with this session's decisions. */
  previousActions: readonly PreviousActionState[];
}

export function idleTimer(step: Step): TimerState {
  const durationMs = step.timeboxMinutes * 60_000;
  return { stepId: step.id, status: 'idle', durationMs, deadline: null, remainingMs: durationMs };
}
