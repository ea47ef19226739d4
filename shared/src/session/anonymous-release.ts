import { currentStep, roundOf, stepById } from './guards.ts';
import type { SessionState } from './state.ts';

/**
 * When held anonymous items leave the server's hold. An item is a held anonymous note, or an
 * anonymous author's held change to a shown note. Items wait in batches, one per step and round
 * (and, for a hidden step's notes, apart from the rest until its reveal). The rules:
 *
 * - [AR1] A batch leaves only when at least `minBatch` different people wrote its items, so that
 *   a batch never points at fewer people than that.
 * - [AR2] While its step is current, a batch leaves when AR1 allows, at a moment the server picks
 *   at random; nobody's command makes it leave.
 * - [AR3] When its step ends (the group moves to another step or runs it again), a batch leaves
 *   if AR1 allows, and otherwise goes back to its authors: it is not shown.
 * - [AR4] A hidden step's anonymous notes wait for its reveal, and the reveal settles them as in
 *   AR3; a reveal shows nothing else but the step's hidden notes.
 * - [AR5] When the session closes, every batch is settled as in AR3; notes still waiting for a
 *   reveal go back to their authors, as hidden named notes stay hidden.
 *
 * How many different people wrote a batch is known only in the server's memory (the store keeps
 * no author); the shell counts it and passes it in `AnonymousPool.authors`.
 */
export interface AnonymousPool {
  /** Every held item, in a uniformly random order (the shell shuffles). */
  order: readonly string[];
  /** For each batch key, how many different people wrote its items. */
  authors: Readonly<Record<string, number>>;
  /** The fewest different authors a batch may leave with (AR1). */
  minBatch: number;
}

export const defaultMinBatch = 3;

export interface HeldItem {
  noteId: string;
  /** A held note, or a held change to a shown note. */
  kind: 'note' | 'change';
  batch: string;
  stepId: string;
  round: number;
  /** A held note of a step that is hidden now: it waits for the reveal (AR4). */
  awaitingReveal: boolean;
}

export interface Settlement {
  /** Items that leave now, in the pool's order. */
  release: string[];
  /** Items that go back to their authors. */
  returned: string[];
}

function isHiddenStep(state: SessionState, stepId: string): boolean {
  const step = stepById(state, stepId);
  return step !== undefined && (state.visibility[step.id] ?? step.visibility) === 'hidden';
}

/** Every held item with its batch. */
export function heldItems(state: SessionState): HeldItem[] {
  const items: HeldItem[] = [];
  for (const [noteId, note] of Object.entries(state.notes)) {
    const isNote = note.held;
    const isChange = !note.hidden && note.pendingChange !== null;
    if (!isNote && !isChange) continue;
    const awaitingReveal = isNote && isHiddenStep(state, note.stepId);
    items.push({
      noteId,
      kind: isNote ? 'note' : 'change',
      batch: `${note.stepId}#${note.round}${awaitingReveal ? '#reveal' : ''}`,
      stepId: note.stepId,
      round: note.round,
      awaitingReveal,
    });
  }
  return items;
}

/** The batch an item belongs to, for the shell's count of authors. */
export function batchOf(state: SessionState, noteId: string): string | undefined {
  return heldItems(state).find((item) => item.noteId === noteId)?.batch;
}

/** Whether a batch's step has ended: another step is current, or the step runs a later round. */
function hasEnded(state: SessionState, item: HeldItem): boolean {
  return currentStep(state).id !== item.stepId || roundOf(state, item.stepId) !== item.round;
}

type Verdict = 'release' | 'return' | 'wait';

function settleItems(
  items: readonly HeldItem[],
  pool: AnonymousPool,
  verdictOf: (item: HeldItem, enough: boolean) => Verdict,
): Settlement {
  const verdicts = new Map<string, Verdict>();
  for (const item of items) {
    const enough = (pool.authors[item.batch] ?? 0) >= pool.minBatch;
    verdicts.set(item.noteId, verdictOf(item, enough));
  }
  const inOrder = pool.order.filter((id) => verdicts.has(id));
  return {
    release: inOrder.filter((id) => verdicts.get(id) === 'release'),
    returned: inOrder.filter((id) => verdicts.get(id) === 'return'),
  };
}

/** [AR1][AR2][AR3] What the server's own release, at a random moment, settles now. */
export function scheduledSettlement(state: SessionState, pool: AnonymousPool): Settlement {
  return settleItems(heldItems(state), pool, (item, enough) => {
    if (item.awaitingReveal) return 'wait';
    if (enough) return 'release';
    return hasEnded(state, item) ? 'return' : 'wait';
  });
}

/** [AR4] What a reveal of `stepId` settles: that step's notes waiting for it. */
export function revealSettlement(
  state: SessionState,
  stepId: string,
  pool: AnonymousPool,
): Settlement {
  const waiting = heldItems(state).filter((item) => item.awaitingReveal && item.stepId === stepId);
  return settleItems(waiting, pool, (_, enough) => (enough ? 'release' : 'return'));
}

/** [AR5] What closing the session settles: everything still held. */
export function closingSettlement(state: SessionState, pool: AnonymousPool): Settlement {
  return settleItems(heldItems(state), pool, (item, enough) =>
    enough && !item.awaitingReveal ? 'release' : 'return',
  );
}

/** Whether anything held would be settled by the server's release now (to arm its timer). */
export function hasScheduledWork(state: SessionState, pool: AnonymousPool): boolean {
  const settlement = scheduledSettlement(state, pool);
  return settlement.release.length > 0 || settlement.returned.length > 0;
}
