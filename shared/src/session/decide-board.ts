import { ErrorCode } from '../errors.ts';
import { fail, ok, type Result } from '../result.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { checkActionRoom, checkThemeRoom } from './board-caps.ts';
import { requireFacilitating, stepById } from './guards.ts';
import type { ActionOwner, SessionState } from './state.ts';

export const groupTitleMax = 80;
export const actionTextMax = 300;

type BoardCommand = Extract<
  SessionCommand,
  {
    type:
      | 'createGroup'
      | 'renameGroup'
      | 'deleteGroup'
      | 'moveToGroup'
      | 'addAction'
      | 'editAction'
      | 'removeAction';
  }
>;

function checkTitle(title: string): Result<string> {
  const trimmed = title.trim();
  if (trimmed.length === 0 || [...trimmed].length > groupTitleMax) {
    return fail(
      ErrorCode.invalidRequest,
      `A theme needs a title of 1 to ${groupTitleMax} characters.`,
    );
  }
  return ok(trimmed);
}

/** [X1] An action has 1–300 characters of text, an owner in the session (or the team) and maybe a date. */
function checkAction(
  state: SessionState,
  text: string,
  owner: ActionOwner,
  due: string | null,
): Result<string> {
  const trimmed = text.trim();
  if (trimmed.length === 0 || [...trimmed].length > actionTextMax) {
    return fail(ErrorCode.invalidRequest, `An action needs 1 to ${actionTextMax} characters.`);
  }
  if (
    owner.kind === 'participant' &&
    (owner.participantId === null || !state.participants[owner.participantId])
  ) {
    return fail(
      ErrorCode.invalidRequest,
      'The owner must be someone in this session, or the team.',
    );
  }
  if (owner.kind === 'team' && owner.participantId !== null) {
    return fail(ErrorCode.invalidRequest, 'A team action has no individual owner.');
  }
  if (
    due !== null &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(`${due}T00:00:00Z`)))
  ) {
    return fail(ErrorCode.invalidRequest, 'A due date looks like 2026-12-31.');
  }
  return ok(trimmed);
}

/** Themes (grouping notes) and actions: facilitators' work on the board. */
export function decideBoard(
  state: SessionState,
  actor: Actor,
  command: BoardCommand,
  now: number,
): Result<SessionEvent[]> {
  const refused = requireFacilitating(state, actor);
  if (refused) return refused;
  switch (command.type) {
    case 'createGroup': {
      const step = stepById(state, command.stepId);
      // [G1] Themes exist only on stages where grouping applies.
      if (!step || !step.grouping)
        return fail(ErrorCode.invalidRequest, 'Grouping does not apply to this step.');
      if (state.groups[command.groupId])
        return fail(ErrorCode.conflict, 'That theme already exists.');
      const title = checkTitle(command.title);
      if (!title.ok) return title;
      const full = checkThemeRoom(state);
      if (full) return full;
      return ok([
        {
          type: 'GroupCreated',
          groupId: command.groupId,
          stepId: step.id,
          title: title.data,
          at: now,
        },
      ]);
    }
    case 'renameGroup': {
      if (!state.groups[command.groupId])
        return fail(ErrorCode.notFound, 'That theme no longer exists.');
      const title = checkTitle(command.title);
      if (!title.ok) return title;
      return ok([{ type: 'GroupRenamed', groupId: command.groupId, title: title.data, at: now }]);
    }
    case 'deleteGroup':
      if (!state.groups[command.groupId])
        return fail(ErrorCode.notFound, 'That theme no longer exists.');
      return ok([{ type: 'GroupDeleted', groupId: command.groupId, at: now }]);
    case 'moveToGroup': {
      const note = state.notes[command.noteId];
      if (!note || note.hidden) return fail(ErrorCode.notFound, 'That note is not on the board.');
      if (command.groupId !== null) {
        const group = state.groups[command.groupId];
        if (!group) return fail(ErrorCode.notFound, 'That theme no longer exists.');
        // [G2] A note joins a theme of its own step.
        if (group.stepId !== note.stepId)
          return fail(ErrorCode.invalidRequest, 'A note can only join a theme of its own step.');
      }
      if (note.groupId === command.groupId) return ok([]);
      return ok([
        { type: 'NoteGrouped', noteId: command.noteId, groupId: command.groupId, at: now },
      ]);
    }
    case 'addAction': {
      if (state.actions[command.actionId])
        return fail(ErrorCode.conflict, 'That action already exists.');
      const text = checkAction(state, command.text, command.owner, command.due);
      if (!text.ok) return text;
      const full = checkActionRoom(state);
      if (full) return full;
      return ok([
        {
          type: 'ActionAdded',
          actionId: command.actionId,
          text: text.data,
          owner: command.owner,
          due: command.due,
          at: now,
        },
      ]);
    }
    case 'editAction': {
      if (!state.actions[command.actionId])
        return fail(ErrorCode.notFound, 'That action no longer exists.');
      const text = checkAction(state, command.text, command.owner, command.due);
      if (!text.ok) return text;
      return ok([
        {
          type: 'ActionEdited',
          actionId: command.actionId,
          text: text.data,
          owner: command.owner,
          due: command.due,
          at: now,
        },
      ]);
    }
    case 'removeAction':
      if (!state.actions[command.actionId])
        return fail(ErrorCode.notFound, 'That action no longer exists.');
      return ok([{ type: 'ActionRemoved', actionId: command.actionId, at: now }]);
  }
}
