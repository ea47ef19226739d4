import { describe, expect, it } from 'vitest';
import {
  checkMemberChange,
  inviteExpiresAt,
  inviteStatus,
  roleAfterInvite,
} from './team-membership.ts';
import type { TeamRole } from './team-roles.ts';

const person = (userId: string, role: TeamRole) => ({ userId, role, displayName: userId });

describe('team membership', () => {
  it('[TM1] only owners change roles or remove other members', () => {
    for (const role of ['facilitator', 'member'] as const) {
      const actor = person('a', role);
      const target = person('b', 'member');
      for (const change of [{ kind: 'remove' }, { kind: 'setRole', role: 'owner' }] as const) {
        const result = checkMemberChange({ actor, target, change, ownerCount: 1 });
        expect(result.ok ? 'ok' : result.error.code, `${role} ${change.kind}`).toBe('forbidden');
      }
    }
    const owner = person('o', 'owner');
    expect(
      checkMemberChange({
        actor: owner,
        target: person('b', 'member'),
        change: { kind: 'setRole', role: 'facilitator' },
        ownerCount: 1,
      }).ok,
    ).toBe(true);
    expect(
      checkMemberChange({
        actor: owner,
        target: person('b', 'facilitator'),
        change: { kind: 'remove' },
        ownerCount: 1,
      }).ok,
    ).toBe(true);
  });

  it('[TM1] a member cannot change their own role', () => {
    const actor = person('a', 'member');
    const result = checkMemberChange({
      actor,
      target: actor,
      change: { kind: 'setRole', role: 'owner' },
      ownerCount: 1,
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
  });

  it('[TM1] an owner changing someone outside the team is told they are not in it', () => {
    const result = checkMemberChange({
      actor: person('o', 'owner'),
      target: undefined,
      change: { kind: 'remove' },
      ownerCount: 1,
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });

  it('[TM6] the last owner can be neither demoted nor removed, nor leave', () => {
    const owner = person('o', 'owner');
    const cases = [
      { actor: owner, change: { kind: 'setRole', role: 'member' } },
      { actor: owner, change: { kind: 'setRole', role: 'facilitator' } },
      { actor: owner, change: { kind: 'remove' } },
    ] as const;
    for (const { actor, change } of cases) {
      const result = checkMemberChange({ actor, target: owner, change, ownerCount: 1 });
      expect(result.ok ? 'ok' : result.error.code).toBe('conflict');
      if (!result.ok) expect(result.error.message).toContain('only owner');
    }
  });

  it('[TM6] with a second owner, an owner may be demoted, removed or leave', () => {
    const owner = person('o', 'owner');
    const other = person('p', 'owner');
    expect(
      checkMemberChange({
        actor: owner,
        target: other,
        change: { kind: 'setRole', role: 'member' },
        ownerCount: 2,
      }).ok,
    ).toBe(true);
    expect(
      checkMemberChange({ actor: owner, target: owner, change: { kind: 'remove' }, ownerCount: 2 })
        .ok,
    ).toBe(true);
  });

  it('[TM6] keeping the last owner an owner is allowed', () => {
    const owner = person('o', 'owner');
    expect(
      checkMemberChange({
        actor: owner,
        target: owner,
        change: { kind: 'setRole', role: 'owner' },
        ownerCount: 1,
      }).ok,
    ).toBe(true);
  });

  it('[TM7] facilitators and members may leave a team themselves', () => {
    for (const role of ['facilitator', 'member'] as const) {
      const actor = person('a', role);
      expect(
        checkMemberChange({ actor, target: actor, change: { kind: 'remove' }, ownerCount: 1 }).ok,
      ).toBe(true);
    }
  });

  it('[TM8] joining by invitation never changes the role of someone already in the team', () => {
    expect(roleAfterInvite(undefined, 'facilitator')).toEqual({
      role: 'facilitator',
      joined: true,
    });
    expect(roleAfterInvite(undefined, 'member')).toEqual({ role: 'member', joined: true });
    expect(roleAfterInvite('owner', 'member')).toEqual({ role: 'owner', joined: false });
    expect(roleAfterInvite('member', 'facilitator')).toEqual({ role: 'member', joined: false });
    expect(roleAfterInvite('facilitator', 'member')).toEqual({
      role: 'facilitator',
      joined: false,
    });
  });

  it('[TM9] an invitation works until it expires or is revoked', () => {
    const made = new Date('2026-01-01T00:00:00Z');
    const expiresAt = inviteExpiresAt(made, 7);
    expect(expiresAt.toISOString()).toBe('2026-01-08T00:00:00.000Z');
    const invite = { expiresAt, revokedAt: null };
    expect(inviteStatus(invite, made)).toBe('active');
    expect(inviteStatus(invite, new Date(expiresAt.getTime() - 1))).toBe('active');
    expect(inviteStatus(invite, expiresAt)).toBe('expired');
    expect(inviteStatus({ expiresAt, revokedAt: made }, made)).toBe('revoked');
  });
});
