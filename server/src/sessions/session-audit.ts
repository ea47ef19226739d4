import type { SessionEvent } from '@reflectory/shared';
import type { AuditEntry } from '../db/audit-repository.ts';
import type { Repositories } from '../db/store.ts';
import type { TeamEffectContext } from './team-effects.ts';

type Audited = Pick<AuditEntry, 'action' | 'details'>;

type AuditedEvent = Extract<
  SessionEvent,
  { type: 'NotesRevealed' | 'RoleSet' | 'ParticipantRemoved' | 'SessionClosed' | 'VisibilitySet' }
>;

const auditedTypes = new Set<SessionEvent['type']>([
  'NotesRevealed',
  'RoleSet',
  'ParticipantRemoved',
  'SessionClosed',
  'VisibilitySet',
]);

function isAuditedEvent(event: SessionEvent): event is AuditedEvent {
  return auditedTypes.has(event.type);
}

/**
 * What a facilitator's event says in the audit log, or undefined when it is not audited. Details
 * hold step ids, counts, roles and the names of people acted upon: never note text, never a note's
 * id (an anonymous note's id would point at its row), never who wrote a note.
 */
function audited(
  event: AuditedEvent,
  nameOf: (participantId: string) => string,
): Audited | undefined {
  switch (event.type) {
    case 'NotesRevealed':
      // A batch release of anonymous notes (stepId null) is the server's own doing.
      return event.stepId === null
        ? undefined
        : {
            action: 'session.revealed',
            details: { stepId: event.stepId, count: event.noteIds.length },
          };
    case 'RoleSet':
      return {
        action: 'session.role_changed',
        details: { participantName: nameOf(event.participantId), role: event.role },
      };
    case 'ParticipantRemoved':
      return {
        action: 'session.participant_removed',
        details: { participantName: nameOf(event.participantId) },
      };
    case 'SessionClosed':
      return { action: 'session.closed', details: {} };
    case 'VisibilitySet':
      return {
        action: 'session.visibility_changed',
        details: { stepId: event.stepId, visibility: event.visibility },
      };
  }
}

/**
 * Records a person's consequential session actions (reveals, role changes, removals, visibility,
 * closing) in the team's audit log, inside the command's transaction. The server's own commands
 * (timer expiry, batch release of anonymous notes) are not audited.
 */
export async function auditSessionEvents(
  tx: Repositories,
  context: TeamEffectContext,
): Promise<void> {
  if (context.actor.kind !== 'person') return;
  const actor = context.participants.get(context.actor.participantId);
  const nameOf = (participantId: string) =>
    context.participants.get(participantId)?.displayName ?? 'someone who has left';
  for (const event of context.events) {
    if (!isAuditedEvent(event)) continue;
    const entry = audited(event, nameOf);
    if (!entry) continue;
    await tx.audit.append({
      teamId: context.teamId,
      sessionId: context.sessionId,
      actorUserId: actor?.userId ?? null,
      actorName: actor?.displayName ?? 'A participant',
      action: entry.action,
      details: entry.details,
      at: new Date(event.at),
    });
  }
}
