import { ErrorCode } from '@reflectory/shared';
import type { OutboxEntry } from '../../realtime/outbox.ts';

export interface SaveIndicator {
  tone: 'saving' | 'waiting' | 'paused' | 'failed';
  label: string;
  detail?: string | undefined;
}

const sendingLabel: Partial<Record<OutboxEntry['name'], string>> = {
  'note:delete': 'Deleting…',
  'session:close': 'Ending the session…',
};

/**
 * What to tell the person about a change they made. Nothing once it is acknowledged: the board
 * only ever shows what the server saved, so "saved" needs no label.
 */
export function saveIndicatorOf(entry: OutboxEntry, connected: boolean): SaveIndicator | undefined {
  switch (entry.state) {
    case 'saved':
      return undefined;
    case 'failed':
      return { tone: 'failed', label: 'Not saved', detail: entry.error?.message };
    case 'pending':
      if (entry.error?.code === ErrorCode.unavailable) {
        return {
          tone: 'paused',
          label: 'Saving is paused',
          detail: 'It will be sent again automatically.',
        };
      }
      if (entry.error?.code === ErrorCode.rateLimited) {
        return { tone: 'paused', label: 'Saving is paused', detail: entry.error.message };
      }
      if (!connected)
        return { tone: 'waiting', label: 'Not saved yet: waiting for the connection' };
      return { tone: 'saving', label: sendingLabel[entry.name] ?? 'Saving…' };
  }
}
