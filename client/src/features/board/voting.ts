import type { BoardNoteView, BoardView, PrivateView } from '@reflectory/shared';
import type { OutboxEntry } from '../../realtime/outbox.ts';

export interface NoteVotes {
  /** Your votes on this note, counting those still on their way. */
  mine: number;
  /** You may add one more vote to it now. */
  canAdd: boolean;
  maxPerNote: number;
}

type VoteEntry = Extract<OutboxEntry, { name: 'vote:cast' | 'vote:retract' }>;

function pendingVotes(entries: readonly OutboxEntry[]): VoteEntry[] {
  return entries.filter(
    (entry): entry is VoteEntry =>
      (entry.name === 'vote:cast' || entry.name === 'vote:retract') && entry.state === 'pending',
  );
}

function pendingDelta(entries: readonly OutboxEntry[], noteId?: string): number {
  let delta = 0;
  for (const entry of pendingVotes(entries)) {
    if (noteId !== undefined && entry.payload.noteId !== noteId) continue;
    delta += entry.name === 'vote:cast' ? 1 : -1;
  }
  return delta;
}

/** Your votes left in the open vote of `stepId`, counting votes still on their way; else undefined. */
export function votesLeft(
  mine: PrivateView | undefined,
  entries: readonly OutboxEntry[],
  stepId: string,
): number | undefined {
  const votes = mine?.votes;
  if (!votes || votes.stepId !== stepId) return undefined;
  return Math.max(0, votes.remaining - pendingDelta(entries));
}

/** Where you stand on one note while voting is open on its step and round; else undefined. */
export function noteVotes(
  note: BoardNoteView,
  view: BoardView,
  mine: PrivateView | undefined,
  entries: readonly OutboxEntry[],
): NoteVotes | undefined {
  const votes = mine?.votes;
  const voting = view.stepState[note.stepId]?.voting;
  if (!votes || votes.stepId !== note.stepId || voting?.status !== 'open') return undefined;
  if (voting.round !== note.round) return undefined;
  const count = Math.max(0, (votes.byNote[note.id] ?? 0) + pendingDelta(entries, note.id));
  const left = votesLeft(mine, entries, note.stepId) ?? 0;
  return {
    mine: count,
    canAdd: count < votes.maxPerNote && left > 0,
    maxPerNote: votes.maxPerNote,
  };
}

/** Published counts for a step's notes once voting has closed, for the round they were cast in. */
export function talliesOf(
  view: BoardView,
  stepId: string,
): { round: number; counts: Record<string, number> } | undefined {
  const tallies = view.tallies[stepId];
  const voting = view.stepState[stepId]?.voting;
  if (!tallies || voting?.status === 'open') return undefined;
  return tallies;
}
