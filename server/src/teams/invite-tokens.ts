import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitation links carry 32 random bytes (base64url); the database keeps only their SHA-256, so a
 * database reader cannot join a team with a link they never saw.
 */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function inviteLink(token: string): string {
  return `/invite/${token}`;
}
