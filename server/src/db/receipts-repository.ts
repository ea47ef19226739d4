import { and, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { commandReceipts } from './schema.ts';

export interface ReceiptsRepository {
  find(sessionId: string, commandId: string): Promise<unknown>;
  save(sessionId: string, commandId: string, result: unknown): Promise<void>;
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

    async save(sessionId, commandId, result) {
      await db.insert(commandReceipts).values({ sessionId, commandId, result });
    },
  };
}
