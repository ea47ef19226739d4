import { randomInt } from 'node:crypto';
import { evolve, votesBy, type SessionEvent, type SessionState } from '@reflectory/shared';
import type { HeldChangeRecord, HeldNoteRecord } from '../db/held-notes-repository.ts';
import type { Repositories } from '../db/store.ts';
import { shuffled } from './command-mapping.ts';

/** The session's held anonymous notes, in a random order. */
function heldNotesOf(state: SessionState): HeldNoteRecord[] {
  const held: HeldNoteRecord[] = [];
  for (const [id, note] of Object.entries(state.notes)) {
    if (!note.held || note.ownerHash === null) continue;
    const { stepId, round, text, ownerHash } = note;
    held.push({ id, stepId, round, text, ownerHash });
  }
  return shuffled(held, randomInt);
}

/** The held changes to shown anonymous notes, in a random order. */
function heldChangesOf(state: SessionState): HeldChangeRecord[] {
  const changes: HeldChangeRecord[] = [];
  for (const [noteId, note] of Object.entries(state.notes)) {
    if (note.pendingChange !== null) changes.push({ noteId, text: note.pendingChange.text });
  }
  return shuffled(changes, randomInt);
}

/**
 * Writes a command's events inside its transaction. What concerns a held anonymous note goes to
 * the held-notes tables and nowhere else, so neither the event log's order nor any timestamp
 * records when it was posted or edited; the session's held rows are rewritten together, in a
 * random order, so that the rows' own order says nothing either. A vote goes to the ballots table
 * and nowhere else (secret ballots): the log never holds who voted for what, and closing the
 * voting deletes the step's ballots in the same transaction as its VotingClosed event, which
 * carries the tallies. Everything else is appended to the event log and mirrored into the
 * relational rows. The writes are started in order without waiting in between, so that the
 * driver pipelines them on the transaction's connection, where they run in that order.
 */
export async function persistEvents(
  tx: Repositories,
  sessionId: string,
  before: SessionState,
  events: readonly SessionEvent[],
): Promise<void> {
  const logged: SessionEvent[] = [];
  const writes: Array<Promise<unknown>> = [];
  let state = before;
  let heldChanged = false;
  let changesChanged = false;
  for (const event of events) {
    const prior = state;
    state = evolve(state, event);
    switch (event.type) {
      case 'NoteAdded':
        if (event.held && event.ownerHash !== null) {
          heldChanged = true;
          continue;
        }
        break;
      case 'NoteEdited':
      case 'NoteDeleted':
        if (prior.notes[event.noteId]?.held) {
          heldChanged = true;
          continue;
        }
        // A facilitator deleting a shown note with a held change: the change goes with it.
        if (prior.notes[event.noteId]?.pendingChange) changesChanged = true;
        break;
      case 'AnonymousChangeHeld':
        changesChanged = true;
        continue;
      case 'NotesRevealed':
        writes.push(
          tx.heldNotes.drop(
            sessionId,
            event.released.map((note) => note.noteId),
          ),
          tx.heldNotes.dropChanges(
            sessionId,
            event.changes.map((change) => change.noteId),
          ),
        );
        break;
      case 'NotesReturned':
        writes.push(
          tx.heldNotes.drop(sessionId, event.noteIds),
          tx.heldNotes.dropChanges(sessionId, event.droppedChanges ?? []),
        );
        break;
      case 'VoteCast':
      case 'VoteRetracted': {
        const voting = state.voting[event.stepId];
        if (voting) {
          writes.push(
            tx.ballots.set(sessionId, {
              stepId: event.stepId,
              round: voting.round,
              participantId: event.participantId,
              noteId: event.noteId,
              count: votesBy(voting, event.participantId)[event.noteId] ?? 0,
            }),
          );
        }
        continue;
      }
      case 'VotingClosed':
        writes.push(tx.ballots.dropStep(sessionId, event.stepId));
        break;
      default:
        break;
    }
    logged.push(event);
  }
  // A session's held rows are rewritten together, shuffled: see HeldNotesRepository.
  if (heldChanged) writes.push(tx.heldNotes.replace(sessionId, heldNotesOf(state)));
  if (changesChanged) writes.push(tx.heldNotes.replaceChanges(sessionId, heldChangesOf(state)));
  writes.push(tx.events.append(sessionId, logged), tx.notes.apply(sessionId, logged));
  await Promise.all(writes);
}
