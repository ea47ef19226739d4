import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import {
  closingSettlement,
  heldItems,
  revealSettlement,
  scheduledSettlement,
  type AnonymousPool,
  type Settlement,
} from './anonymous-release.ts';
import type { Actor, ReleasedNote, SessionEvent } from './commands.ts';
import { closeOpenVoting } from './decide-votes.ts';
import type { SessionState } from './state.ts';

/** The full content of the held (anonymous) notes among `noteIds`, for the event log. */
function releasedNotes(state: SessionState, noteIds: readonly string[]): ReleasedNote[] {
  const released: ReleasedNote[] = [];
  for (const noteId of noteIds) {
    const note = state.notes[noteId];
    if (!note?.held || note.ownerHash === null) continue;
    released.push({
      noteId,
      stepId: note.stepId,
      round: note.round,
      text: note.text,
      ownerHash: note.ownerHash,
      groupId: note.groupId,
      editedAt: note.editedAt,
    });
  }
  return released;
}

/**
 * The events of a settlement: one shuffled `NotesRevealed` for what leaves (with `shown`, hidden
 * named notes a reveal shows alongside, already in the pool's order) and one `NotesReturned`.
 */
function settlementEvents(
  state: SessionState,
  settlement: Settlement,
  reveal: { stepId: string | null; shown: readonly string[]; order: readonly string[] },
  now: number,
): SessionEvent[] {
  const events: SessionEvent[] = [];
  const leaving = new Set([...settlement.release, ...reveal.shown]);
  const noteIds = reveal.order.filter((id) => leaving.has(id) && state.notes[id]?.hidden === true);
  const changes = settlement.release.flatMap((noteId) => {
    const note = state.notes[noteId];
    return note && !note.hidden && note.pendingChange
      ? [{ noteId, text: note.pendingChange.text }]
      : [];
  });
  if (noteIds.length > 0 || changes.length > 0) {
    events.push({
      type: 'NotesRevealed',
      stepId: reveal.stepId,
      noteIds,
      released: releasedNotes(state, noteIds),
      changes,
      at: now,
    });
  }
  if (settlement.returned.length > 0 || settlement.dropped.length > 0) {
    events.push({
      type: 'NotesReturned',
      noteIds: settlement.returned,
      ...(settlement.dropped.length > 0 ? { droppedChanges: settlement.dropped } : {}),
      at: now,
    });
  }
  return events;
}

/** Checks that the pool's order is a permutation covering every note it must order. */
function coversAll(order: readonly string[], required: readonly string[]): boolean {
  if (new Set(order).size !== order.length) return false;
  const present = new Set(order);
  return required.every((id) => present.has(id));
}

function heldIds(state: SessionState): string[] {
  return heldItems(state).map((item) => item.noteId);
}

/**
 * [H2] Revealing a step shows all of its hidden named notes at once, in the pool's shuffled order,
 * so that order says nothing about who wrote what or when. [AR4] Its anonymous notes leave with
 * them only as a batch of at least `minBatch` authors, or go back to their authors; nothing else
 * held is touched, so a reveal cannot be used to time anyone's anonymous note.
 */
export function decideReveal(
  state: SessionState,
  stepId: string,
  pool: AnonymousPool,
  now: number,
): Result<SessionEvent[]> {
  const shown = Object.entries(state.notes)
    .filter(([, note]) => note.stepId === stepId && note.hidden && !note.held)
    .map(([id]) => id);
  if (!coversAll(pool.order, [...shown, ...heldIds(state)]))
    return fail(ErrorCode.invalidRequest, 'The reveal must include every hidden note.');
  const settlement = revealSettlement(state, stepId, pool);
  return ok(settlementEvents(state, settlement, { stepId, shown, order: pool.order }, now));
}

/** [AR2][AR3] The server's own release of held anonymous items, at a moment it picks at random. */
export function decideSettle(
  state: SessionState,
  actor: Actor,
  pool: AnonymousPool,
  now: number,
): Result<SessionEvent[]> {
  if (actor.kind !== 'system')
    return fail(ErrorCode.forbidden, 'Only the server releases anonymous notes.');
  if (!coversAll(pool.order, heldIds(state)))
    return fail(ErrorCode.invalidRequest, 'A release must order every held note.');
  const settlement = scheduledSettlement(state, pool);
  return ok(
    settlementEvents(state, settlement, { stepId: null, shown: [], order: pool.order }, now),
  );
}

/**
 * The events that close a session: [AR5] what is held is settled, [V7] voting still open closes
 * with its tallies, so that no vote outlives the session, then the session closes.
 */
export function closingEvents(
  state: SessionState,
  pool: AnonymousPool,
  now: number,
): Result<SessionEvent[]> {
  if (!coversAll(pool.order, heldIds(state)))
    return fail(ErrorCode.invalidRequest, 'Closing must order every held note.');
  const settlement = closingSettlement(state, pool);
  return ok([
    ...settlementEvents(state, settlement, { stepId: null, shown: [], order: pool.order }, now),
    ...closeOpenVoting(
      state,
      state.steps.map((step) => step.id),
      now,
    ),
    { type: 'SessionClosed', at: now },
  ]);
}
