import { and, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import type { ScrubRequest } from './scrubber.ts';
import { ballots } from './schema.ts';

/** One person's votes for one note in one voting (a step's round). */
export interface Ballot {
  stepId: string;
  round: number;
  participantId: string;
  noteId: string;
  count: number;
}

/**
 * The votes of voting still open, so that a restart keeps them; see the table's comment for why
 * they live here and nowhere else, and only until the voting closes.
 */
export interface BallotsRepository {
  /** Records that a person now gives a note `count` votes (0: none, and the row goes). */
  set(sessionId: string, ballot: Ballot): Promise<void>;
  /** Deletes every ballot of a step's voting: call in the transaction that closes it. */
  dropStep(sessionId: string, stepId: string): Promise<void>;
  listBySession(sessionId: string): Promise<Ballot[]>;
}

export function createBallotsRepository(db: Db, scrub: ScrubRequest): BallotsRepository {
  return {
    async set(sessionId, { count, ...key }) {
      if (count > 0) {
        await db
          .insert(ballots)
          .values({ sessionId, ...key, count })
          .onConflictDoUpdate({
            target: [
              ballots.sessionId,
              ballots.stepId,
              ballots.round,
              ballots.participantId,
              ballots.noteId,
            ],
            set: { count },
          });
        return;
      }
      await db
        .delete(ballots)
        .where(
          and(
            eq(ballots.sessionId, sessionId),
            eq(ballots.stepId, key.stepId),
            eq(ballots.round, key.round),
            eq(ballots.participantId, key.participantId),
            eq(ballots.noteId, key.noteId),
          ),
        );
    },

    async dropStep(sessionId, stepId) {
      await db
        .delete(ballots)
        .where(and(eq(ballots.sessionId, sessionId), eq(ballots.stepId, stepId)));
      // The deleted rows, and every earlier version of them, must not stay in the table's pages.
      scrub('ballots');
    },

    async listBySession(sessionId) {
      return db
        .select({
          stepId: ballots.stepId,
          round: ballots.round,
          participantId: ballots.participantId,
          noteId: ballots.noteId,
          count: ballots.count,
        })
        .from(ballots)
        .where(eq(ballots.sessionId, sessionId));
    },
  };
}
