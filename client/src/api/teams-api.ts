import {
  auditPageSchema,
  inviteAcceptedSchema,
  inviteCreatedSchema,
  inviteListSchema,
  inviteLookupSchema,
  membershipSchema,
  teamListSchema,
  teamPageSchema,
  teamSummarySchema,
  type AuditPage,
  type CreateInviteRequest,
  type CreateTeamSessionRequest,
  type InviteAccepted,
  type InviteCreated,
  type InviteList,
  type InviteLookup,
  type Membership,
  type TeamList,
  type TeamPage,
  type TeamRole,
  type TeamSummary,
  type UpdateTeamRequest,
} from '@reflectory/shared';
import { noContent, requestJson, type ApiResult } from './http.ts';

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

/** The teams the signed-in account belongs to, with its role in each. */
export function fetchTeams(): Promise<ApiResult<TeamList>> {
  return requestJson('GET', '/api/teams', teamListSchema);
}

/** Creates a team with the signed-in account as its owner. */
export function createTeam(name: string): Promise<ApiResult<TeamList>> {
  return requestJson('POST', '/api/teams', teamListSchema, { name });
}

export function fetchTeamPage(teamId: string): Promise<ApiResult<TeamPage>> {
  return requestJson('GET', team(teamId), teamPageSchema);
}

export function updateTeam(
  teamId: string,
  change: UpdateTeamRequest,
): Promise<ApiResult<TeamSummary>> {
  return requestJson('PATCH', team(teamId), teamSummarySchema, change);
}

export function setMemberRole(
  teamId: string,
  userId: string,
  role: TeamRole,
): Promise<ApiResult<undefined>> {
  return requestJson('PATCH', `${team(teamId)}/members/${encodeURIComponent(userId)}`, noContent, {
    role,
  });
}

/** Removes a member; with your own id, leaves the team. */
export function removeMember(teamId: string, userId: string): Promise<ApiResult<undefined>> {
  return requestJson('DELETE', `${team(teamId)}/members/${encodeURIComponent(userId)}`, noContent);
}

export function createInvite(
  teamId: string,
  request: CreateInviteRequest,
): Promise<ApiResult<InviteCreated>> {
  return requestJson('POST', `${team(teamId)}/invites`, inviteCreatedSchema, request);
}

export function fetchInvites(teamId: string): Promise<ApiResult<InviteList>> {
  return requestJson('GET', `${team(teamId)}/invites`, inviteListSchema);
}

export function revokeInvite(teamId: string, inviteId: string): Promise<ApiResult<undefined>> {
  return requestJson(
    'DELETE',
    `${team(teamId)}/invites/${encodeURIComponent(inviteId)}`,
    noContent,
  );
}

/** Starts a team session with this browser as its facilitator. */
export function startTeamSession(
  teamId: string,
  request: CreateTeamSessionRequest,
): Promise<ApiResult<Membership>> {
  return requestJson('POST', `${team(teamId)}/sessions`, membershipSchema, request);
}

/** A page of the audit log, newest first; `before` pages back from an entry's id. */
export function fetchAuditLog(teamId: string, before?: number): Promise<ApiResult<AuditPage>> {
  const query = before === undefined ? '' : `?before=${before}`;
  return requestJson('GET', `${team(teamId)}/audit${query}`, auditPageSchema);
}

export function lookUpInvite(token: string): Promise<ApiResult<InviteLookup>> {
  return requestJson('GET', `/api/invites/${encodeURIComponent(token)}`, inviteLookupSchema);
}

export function acceptInvite(token: string): Promise<ApiResult<InviteAccepted>> {
  return requestJson(
    'POST',
    `/api/invites/${encodeURIComponent(token)}/accept`,
    inviteAcceptedSchema,
  );
}
