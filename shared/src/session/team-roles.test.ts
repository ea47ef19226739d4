import { describe, expect, it } from 'vitest';
import { teamCan, type TeamPermission, type TeamRole } from './team-roles.ts';

function table(permission: TeamPermission): Record<TeamRole, boolean> {
  return {
    owner: teamCan('owner', permission),
    facilitator: teamCan('facilitator', permission),
    member: teamCan('member', permission),
  };
}

describe('team roles', () => {
  it('[TM1] only owners manage members', () => {
    expect(table('manageMembers')).toEqual({ owner: true, facilitator: false, member: false });
  });
  it('[TM2] only owners change the team settings', () => {
    expect(table('manageTeam')).toEqual({ owner: true, facilitator: false, member: false });
  });
  it('[TM3] only facilitators and owners start sessions', () => {
    expect(table('startSessions')).toEqual({ owner: true, facilitator: true, member: false });
  });
  it('[TM4] only owners read the audit log', () => {
    expect(table('readAudit')).toEqual({ owner: true, facilitator: false, member: false });
  });
  it('[TM5] every member sees the team page', () => {
    expect(table('viewTeam')).toEqual({ owner: true, facilitator: true, member: true });
  });
});
