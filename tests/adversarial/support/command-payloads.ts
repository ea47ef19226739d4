import { randomUUID } from 'node:crypto';
import { commandSchemas, type CommandName, type CommandPayload } from '@reflectory/shared';

/** Real things in the session that a command can point at. */
export interface PayloadTargets {
  /** A step that takes notes, votes and themes (and is current, for note:add). */
  stepId: string;
  /** Another step to move to. */
  otherStepIndex: number;
  /** A note everyone can see. */
  noteId: string;
  groupId: string;
  actionId: string;
  /** Whose role to set (an attacker aims it at themselves). */
  roleTargetId: string;
  /** Whom to remove. */
  removeTargetId: string;
}

type Body<K extends CommandName> = Omit<CommandPayload<K>, 'commandId'>;

/** A payload for every command, each well-formed and aimed at something that exists. */
const builders: { [K in CommandName]: (t: PayloadTargets) => Body<K> } = {
  'note:add': (t) => ({ areaId: t.stepId, text: 'ATTACK: a note' }),
  'note:edit': (t) => ({ noteId: t.noteId, text: 'ATTACK: an edit' }),
  'note:delete': (t) => ({ noteId: t.noteId }),
  'note:spotlight': (t) => ({ noteId: t.noteId }),
  'note:group': (t) => ({ noteId: t.noteId, groupId: t.groupId }),
  'agreement:accept': () => ({}),
  'step:go': (t) => ({ stepIndex: t.otherStepIndex }),
  'step:rerun': () => ({}),
  'step:visibility': (t) => ({ stepId: t.stepId, visibility: 'anonymous' }),
  'step:reveal': (t) => ({ stepId: t.stepId }),
  'board:lock': () => ({ locked: true }),
  'timer:start': () => ({ durationMs: 60_000 }),
  'timer:pause': () => ({}),
  'timer:extend': () => ({ ms: 60_000 }),
  'timer:reset': () => ({}),
  'voting:open': (t) => ({ stepId: t.stepId, budget: 3, maxPerNote: 1 }),
  'vote:cast': (t) => ({ noteId: t.noteId }),
  'vote:retract': (t) => ({ noteId: t.noteId }),
  'voting:close': (t) => ({ stepId: t.stepId }),
  'group:create': (t) => ({ stepId: t.stepId, title: 'ATTACK: a theme' }),
  'group:rename': (t) => ({ groupId: t.groupId, title: 'ATTACK: renamed' }),
  'group:delete': (t) => ({ groupId: t.groupId }),
  'action:add': () => ({
    text: 'ATTACK: an action',
    owner: { kind: 'team', participantId: null },
    due: null,
  }),
  'action:edit': (t) => ({
    actionId: t.actionId,
    text: 'ATTACK: an edited action',
    owner: { kind: 'team', participantId: null },
    due: '2030-01-31',
  }),
  'action:remove': (t) => ({ actionId: t.actionId }),
  'previous:review': (t) => ({ actionId: t.actionId, outcome: 'done' }),
  'role:set': (t) => ({ participantId: t.roleTargetId, role: 'co-facilitator' }),
  'participant:remove': (t) => ({ participantId: t.removeTargetId }),
  'session:close': () => ({}),
};

export const allCommands = Object.keys(commandSchemas) as CommandName[];

/** What anyone who may write on the board sends; everything else is a facilitator's control. */
export const contributorCommands: ReadonlySet<CommandName> = new Set<CommandName>([
  'note:add',
  'note:edit',
  'note:delete',
  'agreement:accept',
  'vote:cast',
  'vote:retract',
]);

export const facilitatorCommands = allCommands.filter((name) => !contributorCommands.has(name));

/**
 * Facilitator commands that need a team session (reviewing the actions of earlier sessions); the
 * standalone sessions here have nothing for them to act on, so a facilitator gets `not_found`.
 */
export const teamSessionCommands: ReadonlySet<CommandName> = new Set<CommandName>([
  'previous:review',
]);

/**
 * Every facilitator command but the team-session ones, in an order in which each one succeeds for
 * a facilitator, starting with the targets' step current, a visible note, a theme and an action in
 * place.
 */
export const facilitatorControlOrder: readonly CommandName[] = [
  'note:spotlight',
  'note:group',
  'board:lock',
  'timer:start',
  'timer:pause',
  'timer:extend',
  'timer:reset',
  'voting:open',
  'voting:close',
  'group:rename',
  'step:visibility',
  'step:reveal',
  'step:rerun',
  'step:go',
  'action:edit',
  'group:delete',
  'action:remove',
  'action:add',
  'group:create',
  'role:set',
  'participant:remove',
  'session:close',
];

/** A complete, schema-valid payload for `name` (with a fresh commandId). */
export function payloadFor(name: CommandName, targets: PayloadTargets): Record<string, unknown> {
  const payload = { commandId: randomUUID(), ...builders[name](targets) };
  const parsed = commandSchemas[name].safeParse(payload);
  if (!parsed.success) throw new Error(`payload for ${name} is not valid: ${parsed.error.message}`);
  return payload;
}
