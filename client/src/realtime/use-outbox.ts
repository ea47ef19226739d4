import { useSyncExternalStore } from 'react';
import type { Outbox, OutboxEntry } from './outbox.ts';

/** The outbox's commands, re-rendered as they are sent, acknowledged or refused. */
export function useOutbox(outbox: Outbox): readonly OutboxEntry[] {
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
}
