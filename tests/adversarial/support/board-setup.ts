import type { Ack } from '@reflectory/shared';
import type { LiveConnection } from '../../support/live-client.ts';
import type { PayloadTargets } from './command-payloads.ts';

export function ok<T>(result: Ack<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The default model's stage that takes notes, votes and themes. */
export const boardStep = 'so-what';

/**
 * Brings a session (default model) to a board worth attacking: the agreement accepted, the
 * `so-what` stage current and named, a visible note by `author`, a theme and an action.
 */
export async function prepareBoard(
  facilitator: LiveConnection,
  author: LiveConnection,
): Promise<Omit<PayloadTargets, 'roleTargetId' | 'removeTargetId'>> {
  await facilitator.goTo('agreement');
  await author.accept();
  await facilitator.goTo(boardStep);
  ok(await facilitator.command('step:visibility', { stepId: boardStep, visibility: 'named' }));
  const { noteId } = ok(
    await author.command('note:add', { areaId: boardStep, text: 'A note everyone can see' }),
  );
  const { groupId } = ok(
    await facilitator.command('group:create', { stepId: boardStep, title: 'A theme' }),
  );
  const { actionId } = ok(
    await facilitator.command('action:add', {
      text: 'Follow up',
      owner: { kind: 'team', participantId: null },
      due: null,
    }),
  );
  await author.waitForBoard(
    (board) =>
      board.notes.some((note) => note.id === noteId) &&
      board.groups.some((group) => group.id === groupId) &&
      board.actions.some((action) => action.id === actionId),
  );
  const otherStepIndex = facilitator.board().steps.findIndex((step) => step.id === 'now-what');
  return { stepId: boardStep, otherStepIndex, noteId, groupId, actionId };
}
