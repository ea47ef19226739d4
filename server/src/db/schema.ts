import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A reflection session. Its board lives in Yjs update logs; this row is what is queried. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    joinCode: text('join_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // A code is reused only after its session has closed, so uniqueness holds among open sessions.
    uniqueIndex('sessions_open_join_code_idx')
      .on(t.joinCode)
      .where(sql`${t.closedAt} is null`),
  ],
);
