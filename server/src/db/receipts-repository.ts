import { createHash } from 'node:crypto';
import type { Actor } from '@reflectory/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { commandReceipts } from './schema.ts';

/**
 * The stored key of a command: a hash of its sender and the id they gave it. Command ids are made
 * by clients, so anyone can send anyone's: scoped to the sender, an id another person used first
 * is a different command. The key shows neither who sent the command nor the id sent.
 */
export function receiptKey(sender: Actor, commandId: string): string {
  const senderId = sender.kind === 'person' ? sender.participantId : 'system';
  const hex = createHash('sha256')
    .update(`reflectory-receipt:${senderId}:${commandId}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Results of applied commands, by session, sender and command id (see `receiptKey`). */
export interface ReceiptsRepository {
  find(sessionId: string, sender: Actor, commandId: string): Promise<unknown>;
  /**
   * Stores a command's receipt unless the sender's command has one already; true if this call
   * stored it. Run first in the command's transaction: false means the command was applied
   * before, and its stored receipt is the answer.
   */
  claim(sessionId: string, sender: Actor, commandId: string, result: unknown): Promise<boolean>;
}

export function createReceiptsRepository(db: Db): ReceiptsRepository {
  return {
    async find(sessionId, sender, commandId) {
      const rows = await db
        .select({ result: commandReceipts.result })
        .from(commandReceipts)
        .where(
          and(
            eq(commandReceipts.sessionId, sessionId),
            eq(commandReceipts.commandKey, receiptKey(sender, commandId)),
          ),
        )
        .limit(1);
      return rows[0]?.result;
    },

    async claim(sessionId, sender, commandId, result) {
      const rows = await db
        .insert(commandReceipts)
        .values({ sessionId, commandKey: receiptKey(sender, commandId), result })
        .onConflictDoNothing()
        .returning({ commandKey: commandReceipts.commandKey });
      return rows.length > 0;
    },
  };
}
