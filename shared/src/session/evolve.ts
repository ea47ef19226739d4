import type { SessionEvent } from './commands.ts';
import { tally } from './decide-votes.ts';
import type { ReflectionModel } from './models/model.ts';
import type { PreviousAction } from './previous-actions.ts';
import { idleTimer, type NoteState, type SessionState, type VotingState } from './state.ts';
import { defaultAgreementText, stepsForModel } from './steps.ts';

export interface SessionStart {
  title: string;
  model: ReflectionModel;
  agreementText?: string;
  /** A team session's open actions from earlier sessions (none by default). */
  previousActions?: readonly PreviousAction[];
}

export function initialState(start: SessionStart): SessionState {
  const previousActions = start.previousActions ?? [];
  const steps = stepsForModel(start.model, { previousActions: previousActions.length > 0 });
  const first = steps[0];
  if (!first) throw new Error('a session needs at least one step');
  return {
    title: start.title,
    modelId: start.model.id,
    modelName: start.model.name,
    status: 'open',
    steps,
    currentStep: 0,
    rounds: {},
    visibility: {},
    locked: false,
    spotlight: null,
    timer: idleTimer(first),
    agreementText: start.agreementText ?? defaultAgreementText,
    accepted: {},
    participants: {},
    notes: {},
    voting: {},
    groups: {},
    actions: {},
    returned: {},
    previousActions: previousActions.map((action) => ({
      ...action,
      history: [...action.history],
      decision: null,
    })),
  };
}

function updateNote(state: SessionState, noteId: string, change: Partial<NoteState>): SessionState {
  const note = state.notes[noteId];
  if (!note) return state;
  return { ...state, notes: { ...state.notes, [noteId]: { ...note, ...change } } };
}

function updateVoting(
  state: SessionState,
  stepId: string,
  change: (voting: VotingState) => VotingState,
): SessionState {
  const voting = state.voting[stepId];
  if (!voting) return state;
  return { ...state, voting: { ...state.voting, [stepId]: change(voting) } };
}

function adjustVote(
  voting: VotingState,
  participantId: string,
  noteId: string,
  delta: number,
): VotingState {
  const mine = voting.cast[participantId] ?? {};
  const count = (mine[noteId] ?? 0) + delta;
  const { [noteId]: _dropped, ...others } = mine;
  return {
    ...voting,
    cast: { ...voting.cast, [participantId]: count > 0 ? { ...others, [noteId]: count } : others },
  };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** Folds one event into the state. Total: an event that no longer applies changes nothing. */
export function evolve(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'NoteAdded':
      return {
        ...state,
        notes: {
          ...state.notes,
          [event.noteId]: {
            stepId: event.stepId,
            round: event.round,
            text: event.text,
            authorId: event.authorId,
            ownerHash: event.ownerHash,
            hidden: event.hidden,
            held: event.held,
            pendingChange: null,
            groupId: null,
            createdAt: event.at,
            editedAt: null,
            shownAt: event.hidden ? null : event.at,
          },
        },
      };
    case 'AnonymousChangeHeld':
      return updateNote(state, event.noteId, { pendingChange: { text: event.text } });
    case 'NoteEdited':
      return updateNote(state, event.noteId, { text: event.text, editedAt: event.at });
    case 'NoteDeleted': {
      const next = { ...state, notes: without(state.notes, event.noteId) };
      return state.spotlight === event.noteId ? { ...next, spotlight: null } : next;
    }
    case 'AgreementAccepted':
      return { ...state, accepted: { ...state.accepted, [event.participantId]: event.at } };
    case 'StepEntered': {
      const step = state.steps[event.stepIndex];
      if (!step) return state;
      return { ...state, currentStep: event.stepIndex, timer: idleTimer(step), spotlight: null };
    }
    case 'StepRerun': {
      const step = state.steps.find((candidate) => candidate.id === event.stepId);
      if (!step) return state;
      const voting = state.voting[event.stepId];
      return {
        ...state,
        rounds: { ...state.rounds, [event.stepId]: event.round },
        timer: idleTimer(step),
        voting:
          voting?.status === 'open'
            ? {
                ...state.voting,
                [event.stepId]: { ...voting, status: 'closed', tallies: tally(voting) },
              }
            : state.voting,
      };
    }
    case 'VisibilitySet':
      return { ...state, visibility: { ...state.visibility, [event.stepId]: event.visibility } };
    case 'NotesRevealed': {
      const notes = { ...state.notes };
      for (const released of event.released) {
        // Replaying the log, a released note appears here first: its posting was never logged.
        notes[released.noteId] = {
          stepId: released.stepId,
          round: released.round,
          text: released.text,
          authorId: null,
          ownerHash: released.ownerHash,
          hidden: false,
          held: false,
          pendingChange: null,
          groupId: released.groupId,
          createdAt: event.at,
          editedAt: released.editedAt,
          shownAt: event.at,
        };
      }
      for (const noteId of event.noteIds) {
        const note = notes[noteId];
        if (note) notes[noteId] = { ...note, hidden: false, held: false, shownAt: event.at };
      }
      let spotlight = state.spotlight;
      for (const change of event.changes) {
        const note = notes[change.noteId];
        if (!note) continue;
        if (change.text === null) {
          delete notes[change.noteId];
          if (spotlight === change.noteId) spotlight = null;
        } else {
          notes[change.noteId] = {
            ...note,
            text: change.text,
            editedAt: event.at,
            pendingChange: null,
          };
        }
      }
      return { ...state, notes, spotlight };
    }
    case 'NotesReturned': {
      const notes = { ...state.notes };
      const returned = { ...state.returned };
      for (const noteId of event.noteIds) {
        returned[noteId] = event.at;
        // Replaying the log, a returned held note was never here: its posting was not logged.
        if (notes[noteId]?.held) delete notes[noteId];
      }
      for (const noteId of event.droppedChanges ?? []) {
        const note = notes[noteId];
        if (note) notes[noteId] = { ...note, pendingChange: null };
      }
      return { ...state, notes, returned };
    }
    case 'LockSet':
      return { ...state, locked: event.locked };
    case 'Spotlighted':
      return { ...state, spotlight: event.noteId };
    case 'TimerStarted':
      return {
        ...state,
        timer: {
          ...state.timer,
          status: 'running',
          deadline: event.deadline,
          durationMs: event.durationMs,
          remainingMs: event.deadline - event.at,
        },
      };
    case 'TimerPaused':
      return {
        ...state,
        timer: { ...state.timer, status: 'paused', deadline: null, remainingMs: event.remainingMs },
      };
    case 'TimerExtended': {
      const timer = state.timer;
      return timer.status === 'running' && timer.deadline !== null
        ? { ...state, timer: { ...timer, deadline: timer.deadline + event.ms } }
        : { ...state, timer: { ...timer, remainingMs: timer.remainingMs + event.ms } };
    }
    case 'TimerReset': {
      const step = state.steps[state.currentStep];
      return step ? { ...state, timer: idleTimer(step) } : state;
    }
    case 'TimerExpired':
      return {
        ...state,
        timer: { ...state.timer, status: 'expired', deadline: null, remainingMs: 0 },
      };
    case 'VotingOpened':
      return {
        ...state,
        voting: {
          ...state.voting,
          [event.stepId]: {
            status: 'open',
            round: event.round,
            budget: event.budget,
            maxPerNote: event.maxPerNote,
            cast: {},
            tallies: null,
          },
        },
      };
    case 'VoteCast':
      return updateVoting(state, event.stepId, (voting) =>
        adjustVote(voting, event.participantId, event.noteId, 1),
      );
    case 'VoteRetracted':
      return updateVoting(state, event.stepId, (voting) =>
        adjustVote(voting, event.participantId, event.noteId, -1),
      );
    case 'VotingClosed':
      return updateVoting(state, event.stepId, (voting) => ({
        ...voting,
        status: 'closed',
        tallies: event.tallies,
      }));
    case 'GroupCreated':
      return {
        ...state,
        groups: { ...state.groups, [event.groupId]: { stepId: event.stepId, title: event.title } },
      };
    case 'GroupRenamed': {
      const group = state.groups[event.groupId];
      return group
        ? {
            ...state,
            groups: { ...state.groups, [event.groupId]: { ...group, title: event.title } },
          }
        : state;
    }
    case 'GroupDeleted': {
      const notes = { ...state.notes };
      for (const [noteId, note] of Object.entries(notes)) {
        if (note.groupId === event.groupId) notes[noteId] = { ...note, groupId: null };
      }
      return { ...state, notes, groups: without(state.groups, event.groupId) };
    }
    case 'NoteGrouped':
      return updateNote(state, event.noteId, { groupId: event.groupId });
    case 'ActionAdded':
      return {
        ...state,
        actions: {
          ...state.actions,
          [event.actionId]: {
            text: event.text,
            owner: event.owner,
            due: event.due,
            createdAt: event.at,
          },
        },
      };
    case 'ActionEdited': {
      const action = state.actions[event.actionId];
      return action
        ? {
            ...state,
            actions: {
              ...state.actions,
              [event.actionId]: { ...action, text: event.text, owner: event.owner, due: event.due },
            },
          }
        : state;
    }
    case 'ActionRemoved':
      return { ...state, actions: without(state.actions, event.actionId) };
    case 'PreviousActionReviewed':
      return {
        ...state,
        previousActions: state.previousActions.map((action) =>
          action.id === event.actionId
            ? { ...action, decision: { outcome: event.outcome, note: event.note, at: event.at } }
            : action,
        ),
      };
    case 'RoleSet': {
      const participant = state.participants[event.participantId];
      return participant
        ? {
            ...state,
            participants: {
              ...state.participants,
              [event.participantId]: { ...participant, role: event.role },
            },
          }
        : state;
    }
    case 'ParticipantRemoved':
      return {
        ...state,
        participants: without(state.participants, event.participantId),
        accepted: without(state.accepted, event.participantId),
      };
    case 'SessionClosed':
      return {
        ...state,
        status: 'closed',
        timer: { ...state.timer, status: 'idle', deadline: null },
      };
  }
}

/** Adds or updates a person (joining happens over HTTP, outside the event log). */
export function withParticipant(
  state: SessionState,
  participantId: string,
  name: string,
  role: SessionState['participants'][string]['role'],
): SessionState {
  return { ...state, participants: { ...state.participants, [participantId]: { name, role } } };
}
