import type { OutboxStorage } from './outbox.ts';

/**
 * Keeps a session's unacknowledged commands in this tab's sessionStorage, so a reload does not
 * lose a note that was typed while offline. Not localStorage: reflections are sensitive, and
 * sessionStorage is gone when the tab is closed, also on a shared computer.
 */
export function tabOutboxStorage(sessionId: string, participantId: string): OutboxStorage {
  const key = `reflectory:outbox:${sessionId}:${participantId}`;
  return {
    load() {
      try {
        const saved = sessionStorage.getItem(key);
        return saved === null ? undefined : (JSON.parse(saved) as unknown);
      } catch {
        return undefined;
      }
    },
    save(entries) {
      try {
        if (Array.isArray(entries) && entries.length === 0) sessionStorage.removeItem(key);
        else sessionStorage.setItem(key, JSON.stringify(entries));
      } catch {
        // Storage may be full or turned off; the outbox still works for as long as the tab lives.
      }
    },
  };
}
