import type { AnonymousPool } from './anonymous-release.ts';
import type { NoteUsage } from './board-caps.ts';
import type { Visibility } from './models/model.ts';
import type { ReviewOutcome } from './previous-actions.ts';
import type { Role } from './roles.ts';
import type { ActionOwner } from './state.ts';

/**
 * What a person (or the server's clock) asks of a session. The shell builds these from parsed
 * payloads and supplies anything random (new ids, the reveal's shuffled order) or secret-derived
 * (hashes), so that the decider stays pure.
 */
export type SessionCommand =
  | {
      type: 'addNote';
      noteId: string;
      stepId: string;
      text: string;
      anonymous: boolean;
      ownerHash: string | null;
      /** The sender's anonymous notes as the shell counted them (absent: none); see NoteUsage. */
      anonymousUsage?: NoteUsage;
    }
  | {
      type: 'editNote';
      noteId: string;
      text: string;
      proofHash: string | null;
      /** As for addNote: the sender's anonymous notes, which the state cannot attribute. */
      anonymousUsage?: NoteUsage;
    }
  | { type: 'deleteNote'; noteId: string; proofHash: string | null }
  | { type: 'acceptAgreement' }
  | { type: 'goToStep'; stepIndex: number }
  | { type: 'rerunStep' }
  | { type: 'setVisibility'; stepId: string; visibility: Visibility }
  /** `pool.order` is a shuffle of every hidden or held note: the order they are shown in. */
  | { type: 'reveal'; stepId: string; pool: AnonymousPool }
  | { type: 'setLocked'; locked: boolean }
  | { type: 'spotlight'; noteId: string | null }
  | { type: 'startTimer'; durationMs: number | null }
  | { type: 'pauseTimer' }
  | { type: 'extendTimer'; ms: number }
  | { type: 'resetTimer' }
  | { type: 'expireTimer' }
  /** The server's release of held anonymous items, at a moment it picks at random. */
  | { type: 'settleHeld'; pool: AnonymousPool }
  | { type: 'openVoting'; stepId: string; budget: number; maxPerNote: number }
  | { type: 'castVote'; noteId: string }
  | { type: 'retractVote'; noteId: string }
  | { type: 'closeVoting'; stepId: string }
  | { type: 'createGroup'; groupId: string; stepId: string; title: string }
  | { type: 'renameGroup'; groupId: string; title: string }
  | { type: 'deleteGroup'; groupId: string }
  | { type: 'moveToGroup'; noteId: string; groupId: string | null }
  | { type: 'addAction'; actionId: string; text: string; owner: ActionOwner; due: string | null }
  | { type: 'editAction'; actionId: string; text: string; owner: ActionOwner; due: string | null }
  | { type: 'removeAction'; actionId: string }
  | { type: 'reviewAction'; actionId: string; outcome: ReviewOutcome; note: string | null }
  | { type: 'setRole'; participantId: string; role: Role }
  | { type: 'removeParticipant'; participantId: string }
  | { type: 'closeSession'; pool: AnonymousPool }
  /** The server closing a session nobody finished (see isAbandoned in retention.ts). */
  | { type: 'closeAbandoned'; pool: AnonymousPool };

export type SessionEvent =
  | {
      type: 'NoteAdded';
      noteId: string;
      stepId: string;
      round: number;
      text: string;
      authorId: string | null;
      ownerHash: string | null;
      hidden: boolean;
      held: boolean;
      at: number;
    }
  | { type: 'NoteEdited'; noteId: string; text: string; at: number }
  /** An anonymous author changed a shown note; it applies at the next batch release. */
  | { type: 'AnonymousChangeHeld'; noteId: string; text: string | null }
  | { type: 'NoteDeleted'; noteId: string; at: number }
  | { type: 'AgreementAccepted'; participantId: string; at: number }
  | { type: 'StepEntered'; stepIndex: number; at: number }
  | { type: 'StepRerun'; stepId: string; round: number; at: number }
  | { type: 'VisibilitySet'; stepId: string; visibility: Visibility; at: number }
  | {
      type: 'NotesRevealed';
      /** The step revealed by a facilitator, or null for a batch release of anonymous notes. */
      stepId: string | null;
      /** Every note that becomes visible, in the (shuffled) order it is shown. */
      noteIds: readonly string[];
      /** The anonymous notes among them, in full: they enter the event log only now. */
      released: readonly ReleasedNote[];
      /** Held changes to shown anonymous notes, applied now: new text, or null to delete. */
      changes: readonly { noteId: string; text: string | null }[];
      at: number;
    }
  /**
   * Held anonymous notes that go back to their authors instead of being shown (AR3, AR5). Only
   * the author's browser, which holds the note's secret, knows which are its own.
   */
  | {
      type: 'NotesReturned';
      noteIds: readonly string[];
      /** Held edits of shown notes dropped at the close (AR5); never published (AR7). */
      droppedChanges?: readonly string[];
      at: number;
    }
  | { type: 'LockSet'; locked: boolean; at: number }
  | { type: 'Spotlighted'; noteId: string | null; at: number }
  | { type: 'TimerStarted'; deadline: number; durationMs: number; at: number }
  | { type: 'TimerPaused'; remainingMs: number; at: number }
  | { type: 'TimerExtended'; ms: number; at: number }
  | { type: 'TimerReset'; at: number }
  | { type: 'TimerExpired'; at: number }
  | {
      type: 'VotingOpened';
      stepId: string;
      round: number;
      budget: number;
      maxPerNote: number;
      at: number;
    }
  /**
   * A vote cast or taken back. Secret ballots: these two are never written to the event log, only
   * to the ballots table while voting is open; the closing VotingClosed carries the tallies.
   */
  | { type: 'VoteCast'; stepId: string; participantId: string; noteId: string; at: number }
  | { type: 'VoteRetracted'; stepId: string; participantId: string; noteId: string; at: number }
  | { type: 'VotingClosed'; stepId: string; tallies: Readonly<Record<string, number>>; at: number }
  | { type: 'GroupCreated'; groupId: string; stepId: string; title: string; at: number }
  | { type: 'GroupRenamed'; groupId: string; title: string; at: number }
  | { type: 'GroupDeleted'; groupId: string; at: number }
  | { type: 'NoteGrouped'; noteId: string; groupId: string | null; at: number }
  | {
      type: 'ActionAdded';
      actionId: string;
      text: string;
      owner: ActionOwner;
      due: string | null;
      at: number;
    }
  | {
      type: 'ActionEdited';
      actionId: string;
      text: string;
      owner: ActionOwner;
      due: string | null;
      at: number;
    }
  | { type: 'ActionRemoved'; actionId: string; at: number }
  | {
      type: 'PreviousActionReviewed';
      actionId: string;
      outcome: ReviewOutcome;
      note: string | null;
      at: number;
    }
  | { type: 'RoleSet'; participantId: string; role: Role; at: number }
  | { type: 'ParticipantRemoved'; participantId: string; at: number }
  | { type: 'SessionClosed'; at: number };

export interface ReleasedNote {
  noteId: string;
  stepId: string;
  round: number;
  text: string;
  ownerHash: string;
  groupId: string | null;
  editedAt: number | null;
}

/** Who sends a command: a participant of the session, or the server itself (timer expiry). */
export type Actor = { kind: 'person'; participantId: string } | { kind: 'system' };
