import { createHash, randomUUID } from 'node:crypto';
import type {
  AnonymousPool,
  CommandName,
  NoteUsage,
  ReviewOutcome,
  SessionCommand,
  SessionEvent,
} from '@reflectory/shared';

/** Hash of an anonymous note's secret: all the server keeps of it. */
export function hashNoteSecret(secret: string): string {
  return createHash('sha256').update(`reflectory-note:${secret}`).digest('hex');
}

/**
 * An anonymous note's id comes from its session, secret and command id, so a retry names the same
 * note without any receipt being stored (a receipt would record when the note was posted). The
 * session is part of it so that an id from one session can never collide with one in another.
 */
export function noteIdFromSecret(sessionId: string, secret: string, commandId: string): string {
  const hex = createHash('sha256')
    .update(`reflectory-note-id:${sessionId}:${secret}:${commandId}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A uniformly random permutation (Fisher–Yates over crypto-grade randomness). */
export function shuffled<T>(items: readonly T[], randomIndex: (below: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

type Payload = Record<string, unknown>;
const str = (payload: Payload, key: string): string => String(payload[key]);
const nullableStr = (payload: Payload, key: string): string | null =>
  payload[key] === null || payload[key] === undefined ? null : String(payload[key]);
const secretHash = (payload: Payload): string | null =>
  typeof payload.secret === 'string' ? hashNoteSecret(payload.secret) : null;

/**
 * Turns a parsed payload into the core's command, adding what the core must not make itself:
 * new ids, hashes of secrets, what the room alone knows of held anonymous notes (`pool`: their
 * shuffled order and how many people wrote each batch; it reads the current state, so this runs
 * inside the session's queue), and the sender's anonymous usage that the shell counted.
 */
export function toSessionCommand(
  name: CommandName,
  payload: Payload,
  context: { sessionId: string; pool: () => AnonymousPool; anonymousUsage: NoteUsage },
): SessionCommand {
  const { pool, anonymousUsage } = context;
  switch (name) {
    case 'note:add':
      return {
        type: 'addNote',
        noteId:
          typeof payload.secret === 'string'
            ? noteIdFromSecret(context.sessionId, payload.secret, str(payload, 'commandId'))
            : randomUUID(),
        stepId: str(payload, 'areaId'),
        text: str(payload, 'text'),
        anonymous: payload.anonymous === true,
        ownerHash: secretHash(payload),
        anonymousUsage,
      };
    case 'note:edit':
      return {
        type: 'editNote',
        noteId: str(payload, 'noteId'),
        text: str(payload, 'text'),
        proofHash: secretHash(payload),
        anonymousUsage,
      };
    case 'note:delete':
      return { type: 'deleteNote', noteId: str(payload, 'noteId'), proofHash: secretHash(payload) };
    case 'note:spotlight':
      return { type: 'spotlight', noteId: nullableStr(payload, 'noteId') };
    case 'note:group':
      return {
        type: 'moveToGroup',
        noteId: str(payload, 'noteId'),
        groupId: nullableStr(payload, 'groupId'),
      };
    case 'agreement:accept':
      return { type: 'acceptAgreement' };
    case 'step:go':
      return { type: 'goToStep', stepIndex: Number(payload.stepIndex) };
    case 'step:rerun':
      return { type: 'rerunStep' };
    case 'step:visibility':
      return {
        type: 'setVisibility',
        stepId: str(payload, 'stepId'),
        visibility: payload.visibility as 'named' | 'anonymous' | 'hidden',
      };
    case 'step:reveal':
      return { type: 'reveal', stepId: str(payload, 'stepId'), pool: pool() };
    case 'board:lock':
      return { type: 'setLocked', locked: payload.locked === true };
    case 'timer:start':
      return {
        type: 'startTimer',
        durationMs: typeof payload.durationMs === 'number' ? payload.durationMs : null,
      };
    case 'timer:pause':
      return { type: 'pauseTimer' };
    case 'timer:extend':
      return { type: 'extendTimer', ms: Number(payload.ms) };
    case 'timer:reset':
      return { type: 'resetTimer' };
    case 'voting:open':
      return {
        type: 'openVoting',
        stepId: str(payload, 'stepId'),
        budget: Number(payload.budget),
        maxPerNote: Number(payload.maxPerNote),
      };
    case 'vote:cast':
      return { type: 'castVote', noteId: str(payload, 'noteId') };
    case 'vote:retract':
      return { type: 'retractVote', noteId: str(payload, 'noteId') };
    case 'voting:close':
      return { type: 'closeVoting', stepId: str(payload, 'stepId') };
    case 'group:create':
      return {
        type: 'createGroup',
        groupId: randomUUID(),
        stepId: str(payload, 'stepId'),
        title: str(payload, 'title'),
      };
    case 'group:rename':
      return {
        type: 'renameGroup',
        groupId: str(payload, 'groupId'),
        title: str(payload, 'title'),
      };
    case 'group:delete':
      return { type: 'deleteGroup', groupId: str(payload, 'groupId') };
    case 'action:add':
    case 'action:edit': {
      const owner = payload.owner as { kind: 'participant' | 'team'; participantId: string | null };
      const fields = {
        text: str(payload, 'text'),
        owner: { kind: owner.kind, participantId: owner.participantId },
        due: nullableStr(payload, 'due'),
      };
      return name === 'action:add'
        ? { type: 'addAction', actionId: randomUUID(), ...fields }
        : { type: 'editAction', actionId: str(payload, 'actionId'), ...fields };
    }
    case 'action:remove':
      return { type: 'removeAction', actionId: str(payload, 'actionId') };
    case 'previous:review':
      return {
        type: 'reviewAction',
        actionId: str(payload, 'actionId'),
        outcome: payload.outcome as ReviewOutcome,
        note: nullableStr(payload, 'note'),
      };
    case 'role:set':
      return {
        type: 'setRole',
        participantId: str(payload, 'participantId'),
        role: payload.role as 'co-facilitator' | 'participant' | 'observer',
      };
    case 'participant:remove':
      return { type: 'removeParticipant', participantId: str(payload, 'participantId') };
    case 'session:close':
      return { type: 'closeSession', pool: pool() };
  }
}

/** What a successful ack carries, from the command and the events it produced. */
export function ackData(
  command: SessionCommand,
  events: readonly SessionEvent[],
): Record<string, unknown> {
  switch (command.type) {
    case 'addNote':
    case 'editNote':
    case 'deleteNote':
      return { noteId: command.noteId };
    case 'createGroup':
      return { groupId: command.groupId };
    case 'addAction':
      return { actionId: command.actionId };
    case 'reveal':
      return {
        revealed: events.reduce(
          (sum, event) => sum + (event.type === 'NotesRevealed' ? event.noteIds.length : 0),
          0,
        ),
      };
    default:
      return {};
  }
}
