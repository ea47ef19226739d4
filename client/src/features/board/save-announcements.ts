import { ErrorCode } from '@reflectory/shared';
import type { OutboxEntry } from '../../realtime/outbox.ts';

// Ending the session is announced from the board, for everyone at once.
const savedMessage: Partial<Record<OutboxEntry['name'], string>> = {
  'note:add': 'Note added.',
  'note:edit': 'Note saved.',
  'note:delete': 'Note deleted.',
};

/**
 * What to say out loud when the outbox changes: only outcomes (saved, refused, paused), and only
 * the newest one, so a burst of changes is one announcement.
 */
export function announcementFor(
  before: readonly OutboxEntry[],
  after: readonly OutboxEntry[],
): string | undefined {
  const previous = new Map(before.map((entry) => [entry.commandId, entry]));
  let message: string | undefined;
  for (const entry of after) {
    const was = previous.get(entry.commandId);
    if (!was || was.state === entry.state) {
      if (
        was &&
        entry.error?.code === ErrorCode.unavailable &&
        was.error?.code !== ErrorCode.unavailable
      ) {
        message = 'Saving is paused; your change will be sent again automatically.';
      }
      continue;
    }
    if (entry.state === 'saved') message = savedMessage[entry.name] ?? message;
    else if (entry.state === 'failed') message = `Not saved: ${entry.error?.message ?? ''}`;
  }
  return message;
}
