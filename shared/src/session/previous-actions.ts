import { z } from 'zod';

/**
 * The reflective cycle: a team session opens by reviewing the actions its earlier sessions agreed
 * and nobody has closed yet. They are copied into the session when it is created, like its model,
 * so the review works on a fixed list whatever happens elsewhere meanwhile.
 */

export const ReviewOutcome = {
  done: 'done',
  /** Still worth doing: it stays open and comes back at the team's next session. */
  carried: 'carried',
  dropped: 'dropped',
} as const;
export type ReviewOutcome = (typeof ReviewOutcome)[keyof typeof ReviewOutcome];
export const reviewOutcomeSchema = z.enum([
  ReviewOutcome.done,
  ReviewOutcome.carried,
  ReviewOutcome.dropped,
]);

/** What a review note may hold, after trimming. */
export const reviewNoteMax = 500;
/** How many open actions a session reviews at most (the oldest first; the rest wait their turn). */
export const previousActionsMax = 100;
/** How much of an action's history a session carries: its creation and its latest entries. */
export const previousActionHistoryMax = 50;

// The bounds below only guard what is read back from the store; the rules that wrote it are
// stricter (an action's text is at most 300 characters, a note 500).
const title = z.string().max(200).nullable();

/** One thing that happened to an action in an earlier session. */
export const previousActionEntrySchema = z.object({
  /** The session it happened in, or null if that session is gone. */
  sessionTitle: title,
  outcome: z.enum(['created', ReviewOutcome.done, ReviewOutcome.carried, ReviewOutcome.dropped]),
  /** What happened when it was tried (given when it was carried on), or null. */
  note: z.string().max(2000).nullable(),
  /** Server ms since the epoch. */
  at: z.number().int().nonnegative(),
});
export type PreviousActionEntry = z.infer<typeof previousActionEntrySchema>;

/** An open action of the team, as it stood when this session was created. */
export const previousActionSchema = z.object({
  id: z.uuid(),
  text: z.string().min(1).max(2000),
  /** The person who took it on, by their name in that session; null when the team owns it. */
  ownerName: z.string().max(200).nullable(),
  /** yyyy-mm-dd, or null. */
  due: z.string().max(10).nullable(),
  /** The session that agreed it, or null if that session is gone. */
  fromSessionTitle: title,
  /** Oldest first. */
  history: z.array(previousActionEntrySchema).max(previousActionHistoryMax),
});
export type PreviousAction = z.infer<typeof previousActionSchema>;

export const previousActionsSchema = z.array(previousActionSchema).max(previousActionsMax);

/** What this session decided about a previous action. */
export interface PreviousActionDecision {
  outcome: ReviewOutcome;
  note: string | null;
  at: number;
}

export interface PreviousActionState extends PreviousAction {
  /** Null until the group decides; a facilitator may change it while the session is open. */
  decision: PreviousActionDecision | null;
}

/** Keeps an action's creation and its latest entries, so a long-carried action stays bounded. */
export function boundedHistory<T>(history: readonly T[]): T[] {
  if (history.length <= previousActionHistoryMax) return [...history];
  const [first] = history;
  const latest = history.slice(history.length - (previousActionHistoryMax - 1));
  return first === undefined ? latest : [first, ...latest];
}

export function reviewOutcomeLabel(outcome: PreviousActionEntry['outcome']): string {
  switch (outcome) {
    case 'created':
      return 'Agreed';
    case ReviewOutcome.done:
      return 'Done';
    case ReviewOutcome.carried:
      return 'Carried on';
    case ReviewOutcome.dropped:
      return 'Dropped';
  }
}
