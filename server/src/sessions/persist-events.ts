import { evolve, votesBy, type SessionEvent, type SessionState } from '@reflectory/shared';
import type { Repositories } from '../db/store.ts';

/**
 * Writes a command's events inside its transaction. What concerns a held anonymous note goes to
 * the held-notes table and nowhere else, so neither the event log's order nor any timestamp
 * records when it was posted or edited. A vote goes to the ballots table and nowhere else (secret
 * ballots): the log never holds who voted for what, and closing the voting deletes the step's
 * ballots in the same transaction as its VotingClosed event, which carries the tallies. Everything
 * else is appended to the event log and mirrored into the relational rows. The writes are started
 * in order without waiting in between, so that the driver pipelines them on the transaction's
 * connection, where they run in that order.
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
  for (const event of events) {
    const prior = state;
    state = evolve(state, event);
    switch (event.type) {
      case 'NoteAdded':
        if (event.held && event.ownerHash !== null) {
          writes.push(
            tx.heldNotes.hold(sessionId, {
              id: event.noteId,
              stepId: event.stepId,
              round: event.round,
              text: event.text,
              ownerHash: event.ownerHash,
            }),
          );
          continue;
        }
        break;
      case 'NoteEdited':
        if (prior.notes[event.noteId]?.held) {
          writes.push(tx.heldNotes.setText(sessionId, event.noteId, event.text));
          continue;
        }
        break;
      case 'NoteDeleted':
        if (prior.notes[event.noteId]?.held) {
          writes.push(tx.heldNotes.drop(sessionId, [event.noteId]));
          continue;
        }
        break;
      case 'AnonymousChangeHeld':
        writes.push(tx.heldNotes.holdChange(sessionId, event.noteId, event.text));
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
  writes.push(tx.events.append(sessionId, logged), tx.notes.apply(sessionId, logged));
  await Promise.all(writes);
}
