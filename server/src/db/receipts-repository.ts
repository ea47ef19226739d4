import { and, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { commandReceipts } from './schema.ts';

export interface ReceiptsRepository {
  find(sessionId: string, commandId: string): Promise<unknown>;
  /**
   * Stores a command's receipt unless the command has one already; true if this call stored it.
   * Run first in the command's transaction: false means the command was applied before, and its
   * stored receipt is the answer.
   */
  claim(sessionId: string, commandId: string, result: unknown): Promise<boolean>;
}

export function createReceiptsRepository(db: Db): ReceiptsRepository {
  return {
    async find(sessionId, commandId) {
      const rows = await db
        .select({ result: commandReceipts.result })
        .from(commandReceipts)
        .where(
          and(eq(commandReceipts.sessionId, sessionId), eq(commandReceipts.commandId, commandId)),
        )
        .limit(1);
      return rows[0]?.result;
    },

    async claim(sessionId, commandId, result) {
      const rows = await db
        .insert(commandReceipts)
        .values({ sessionId, commandId, result })
        .onConflictDoNothing()
        .returning({ commandId: commandReceipts.commandId });
      return rows.length > 0;
    },
  };
}
