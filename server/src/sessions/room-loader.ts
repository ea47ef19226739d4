import {
  boardDocName,
  evolve,
  initialState,
  modelSchema,
  previousActionsSchema,
  withParticipant,
  type SessionEvent,
  type SessionState,
} from '@reflectory/shared';
import * as Y from 'yjs';
import type { ParticipantRecord } from '../db/participants-repository.ts';
import type { SessionRecord } from '../db/sessions-repository.ts';
import type { Repositories } from '../db/store.ts';

export interface LoadedRoom {
  doc: Y.Doc;
  state: SessionState;
  participants: Map<string, ParticipantRecord>;
  lastId: number;
  tailLength: number;
  /** The session's row: its team (null for a standalone session), its dates. */
  session: SessionRecord;
}

/**
 * Loads a session: the board document from its snapshot plus the tail of its update log (never
 * rebuilt from rows, so every item keeps its id), and the state by folding the session's events
 * over its start, with the people from their rows.
 */
export async function loadRoom(
  store: Repositories,
  sessionId: string,
): Promise<LoadedRoom | undefined> {
  const session = await store.sessions.findById(sessionId);
  // A purged session has no board to load: one rebuilt from nothing would be a regenerated
  // document for clients that still hold a replica.
  if (!session || session.purgedAt !== null) return undefined;
  const participants = await store.participants.listBySession(sessionId);
  const events = await store.events.list(sessionId);
  const stored = await store.docLog.load(boardDocName(sessionId));

  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);

  let state = initialState({
    title: session.title,
    model: modelSchema.parse(session.model),
    agreementText: session.agreementText,
    previousActions: previousActionsSchema.parse(session.previousActions),
  });
  for (const participant of participants) {
    state = withParticipant(state, participant.id, participant.displayName, participant.role);
  }
  state = events.reduce(evolve, state);
  // Held anonymous notes are not in the log; they rejoin the state as they were posted.
  const held = await store.heldNotes.listBySession(sessionId);
  if (held.length > 0) {
    const notes = { ...state.notes };
    for (const note of held) {
      notes[note.id] = {
        stepId: note.stepId,
        round: note.round,
        text: note.text,
        authorId: null,
        ownerHash: note.ownerHash,
        hidden: true,
        held: true,
        groupId: null,
        pendingChange: null,
        createdAt: 0,
        editedAt: null,
        shownAt: null,
      };
    }
    state = { ...state, notes };
  }
  const changes = await store.heldNotes.listChanges(sessionId);
  if (changes.length > 0) {
    const notes = { ...state.notes };
    for (const change of changes) {
      const note = notes[change.noteId];
      if (note) notes[change.noteId] = { ...note, pendingChange: { text: change.text } };
    }
    state = { ...state, notes };
  }
  // Votes are not in the log either (secret ballots): open voting takes them back from its ballots.
  for (const ballot of await store.ballots.listBySession(sessionId)) {
    const voting = state.voting[ballot.stepId];
    if (voting?.status !== 'open' || voting.round !== ballot.round) continue;
    const cast: SessionEvent = {
      type: 'VoteCast',
      stepId: ballot.stepId,
      participantId: ballot.participantId,
      noteId: ballot.noteId,
      at: 0,
    };
    for (let vote = 0; vote < ballot.count; vote += 1) state = evolve(state, cast);
  }
  if (session.closedAt && state.status !== 'closed') state = { ...state, status: 'closed' };

  return {
    doc,
    state,
    participants: new Map(participants.map((participant) => [participant.id, participant])),
    lastId: stored.lastId,
    tailLength: stored.updates.length,
    session,
  };
}
