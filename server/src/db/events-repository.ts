import { asc, eq } from 'drizzle-orm';
import type { SessionEvent } from '@reflectory/shared';
import type { Db } from './database.ts';
import { sessionEvents } from './schema.ts';

export interface EventsRepository {
  /** Appends a command's events in order; call inside the command's transaction. */
  append(sessionId: string, events: readonly SessionEvent[]): Promise<void>;
  /** Every event of the session, oldest first. */
  list(sessionId: string): Promise<SessionEvent[]>;
}

export function createEventsRepository(db: Db): EventsRepository {
  return {
    async append(sessionId, events) {
      if (events.length === 0) return;
      await db.insert(sessionEvents).values(events.map((event) => ({ sessionId, event })));
    },

    async list(sessionId) {
      const rows = await db
        .select({ event: sessionEvents.event })
        .from(sessionEvents)
        .where(eq(sessionEvents.sessionId, sessionId))
        .orderBy(asc(sessionEvents.seq));
      return rows.map((row) => row.event as SessionEvent);
    },
  };
}
