import { displayNameSchema } from '@reflectory/shared';
import { joinSession } from '../../api/sessions-api.ts';
import { firstIssue } from '../../ui/validation.ts';

export type JoinOutcome =
  { ok: true; sessionId: string } | { ok: false; field: 'name' | 'code' | 'form'; message: string };

/** Checks the name as the server will, then joins; says which field a refusal is about. */
export async function joinWithName(
  code: string,
  rawName: string,
  asNewParticipant: boolean,
): Promise<JoinOutcome> {
  const name = displayNameSchema.safeParse(rawName);
  if (!name.success) return { ok: false, field: 'name', message: firstIssue(name) ?? '' };
  const joined = await joinSession({
    code,
    displayName: name.data,
    ...(asNewParticipant ? { asNewParticipant: true } : {}),
  });
  if (joined.ok) return { ok: true, sessionId: joined.data.session.id };
  const field = joined.error.code === 'not_found' ? 'code' : 'form';
  return { ok: false, field, message: joined.error.message };
}
