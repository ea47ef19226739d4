import { currentStep, roundOf, stepById } from './guards.ts';
import type { SessionState } from './state.ts';

/**
 * When held anonymous items leave the server's hold. An item is a held anonymous note, or an
 * anonymous author's held change to a shown note. Items wait in batches, one per step and round
 * (and, for a hidden step's notes, apart from the rest until its reveal). The rules:
 *
 * - [AR1] A batch leaves only when at least `minBatch` different people wrote its items, so that
 *   a batch never points at fewer people than that (a `minBatch` of 1 sets no minimum).
 * - [AR2] While its step is current, a batch leaves when AR1 allows, at a moment the server picks
 *   at random; nobody's command makes it leave.
 * - [AR3] When its step ends (the group moves to another step or runs it again), a batch of notes
 *   leaves if AR1 allows, and otherwise goes back to its authors, at the server's random moment:
 *   it is not shown.
 * - [AR4] A hidden step's anonymous notes wait for its reveal, and leave with it if AR1 allows;
 *   otherwise they go on waiting (a reveal never gives anything back, so it tells nothing of what
 *   waits). A reveal shows nothing else but the step's hidden notes.
 * - [AR5] When the session closes, every batch is settled: notes leave if AR1 allows and go back
 *   otherwise (notes still waiting for a reveal go back, as hidden named notes stay hidden);
 *   changes leave if AR1 allows, and otherwise a deletion still applies (the author wants it
 *   gone) and an edit is dropped.
 * - [AR7] Authors' changes to shown notes wait in one batch for the whole session, whatever the
 *   note's step, so that a change is never alone at a step's end; they are never given back in
 *   public, since the note's id would point at its author.
 *
 * How many different people wrote a batch is known only in the server's memory (the store keeps
 * no author); the shell counts it and passes it in `AnonymousPool.authors`. People whose
 * authorship it does not know (after a restart) are not counted: that can only delay a release.
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

/**
 * [AR8] At most this many anonymous notes and changes wait in one session: what waits is
 * rewritten together on every post, so an unbounded pile would slow every session's posting.
 */
export const heldLimit = 200;

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
  /** Held notes that go back to their authors. */
  returned: string[];
  /** Held edits of shown notes that are dropped unshown (never published: AR7). */
  dropped: string[];
}

/** The batch that holds every author's change to a shown note (AR7). */
export const changesBatch = 'changes';

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
      batch: isNote
        ? `${note.stepId}#${note.round}${awaitingReveal ? '#reveal' : ''}`
        : changesBatch,
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

type Verdict = 'release' | 'return' | 'drop' | 'wait';

function settleItems(
  items: readonly HeldItem[],
  pool: AnonymousPool,
  verdictOf: (item: HeldItem, enough: boolean) => Verdict,
): Settlement {
  const verdicts = new Map<string, Verdict>();
  for (const item of items) {
    const enough = pool.minBatch <= 1 || (pool.authors[item.batch] ?? 0) >= pool.minBatch;
    verdicts.set(item.noteId, verdictOf(item, enough));
  }
  const inOrder = pool.order.filter((id) => verdicts.has(id));
  const having = (verdict: Verdict) => inOrder.filter((id) => verdicts.get(id) === verdict);
  return { release: having('release'), returned: having('return'), dropped: having('drop') };
}

/** [AR1][AR2][AR3][AR7] What the server's own release, at a random moment, settles now. */
export function scheduledSettlement(state: SessionState, pool: AnonymousPool): Settlement {
  return settleItems(heldItems(state), pool, (item, enough) => {
    if (item.awaitingReveal) return 'wait';
    if (enough) return 'release';
    return item.kind === 'note' && hasEnded(state, item) ? 'return' : 'wait';
  });
}

/** [AR4] What a reveal of `stepId` settles: that step's notes waiting for it, if enough wrote. */
export function revealSettlement(
  state: SessionState,
  stepId: string,
  pool: AnonymousPool,
): Settlement {
  const waiting = heldItems(state).filter((item) => item.awaitingReveal && item.stepId === stepId);
  return settleItems(waiting, pool, (_, enough) => (enough ? 'release' : 'wait'));
}

/** [AR5] What closing the session settles: everything still held. */
export function closingSettlement(state: SessionState, pool: AnonymousPool): Settlement {
  return settleItems(heldItems(state), pool, (item, enough) => {
    if (item.kind === 'change') {
      if (enough) return 'release';
      return state.notes[item.noteId]?.pendingChange?.text === null ? 'release' : 'drop';
    }
    return enough && !item.awaitingReveal ? 'release' : 'return';
  });
}

/** Whether anything held would be settled by the server's release now (to arm its timer). */
export function hasScheduledWork(state: SessionState, pool: AnonymousPool): boolean {
  const settlement = scheduledSettlement(state, pool);
  return settlement.release.length > 0 || settlement.returned.length > 0;
}
