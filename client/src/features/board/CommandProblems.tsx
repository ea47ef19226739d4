import type { OutboxEntry } from '../../realtime/outbox.ts';
import type { BoardActions } from './board-actions.ts';

/** Commands that show their outcome in place (notes, agreement, ending) are left out here. */
const shownInPlace = new Set<OutboxEntry['name']>([
  'note:add',
  'note:edit',
  'note:delete',
  'agreement:accept',
  'session:close',
]);

const what: Partial<Record<OutboxEntry['name'], string>> = {
  'step:go': 'Moving to another step',
  'step:rerun': 'Running the step again',
  'step:visibility': 'Changing who sees notes',
  'step:reveal': 'Revealing the notes',
  'board:lock': 'Locking or unlocking the board',
  'note:spotlight': 'Spotlighting a note',
  'note:group': 'Moving a note to a theme',
  'timer:start': 'Starting the timer',
  'timer:pause': 'Pausing the timer',
  'timer:extend': 'Adding time',
  'timer:reset': 'Resetting the timer',
  'voting:open': 'Opening voting',
  'voting:close': 'Closing voting',
  'vote:cast': 'Your vote',
  'vote:retract': 'Taking back your vote',
  'group:create': 'Adding a theme',
  'group:rename': 'Renaming a theme',
  'group:delete': 'Deleting a theme',
  'action:add': 'Adding an action',
  'action:edit': 'Changing an action',
  'action:remove': 'Removing an action',
  'previous:review': 'Recording the decision on an earlier action',
  'role:set': 'Changing a role',
  'participant:remove': 'Removing someone',
};

/** What the server refused, in words, with a way to dismiss it. */
export function CommandProblems({
  entries,
  actions,
}: {
  entries: readonly OutboxEntry[];
  actions: BoardActions;
}) {
  const failed = entries.filter(
    (entry) => entry.state === 'failed' && !shownInPlace.has(entry.name),
  );
  if (failed.length === 0) return null;
  return (
    <div className="form-alert command-problems" role="alert">
      <ul className="plain-list">
        {failed.map((entry) => (
          <li key={entry.commandId}>
            <strong>{what[entry.name] ?? 'That change'} did not work.</strong>{' '}
            {entry.error?.message}{' '}
            <button
              className="link-button"
              type="button"
              onClick={() => actions.discard(entry.commandId)}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
