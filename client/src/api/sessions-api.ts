import {
  joinLookupSchema,
  membershipSchema,
  type CreateSessionRequest,
  type JoinLookup,
  type JoinSessionRequest,
  type Membership,
} from '@reflectory/shared';
import { requestJson, type ApiResult } from './http.ts';

/** Starts a session; the server sets this browser's device cookie for its facilitator. */
export function createSession(request: CreateSessionRequest): Promise<ApiResult<Membership>> {
  return requestJson('POST', '/api/sessions', membershipSchema, request);
}

/** The open session behind a join code, and who this browser already is in it, if anyone. */
export function lookUpJoinCode(code: string): Promise<ApiResult<JoinLookup>> {
  return requestJson('GET', `/api/join/${encodeURIComponent(code)}`, joinLookupSchema);
}

export function joinSession(request: JoinSessionRequest): Promise<ApiResult<Membership>> {
  return requestJson('POST', '/api/join', membershipSchema, request);
}

/** Who this browser is in a session; 401 when it is not in it. */
export function fetchMembership(sessionId: string): Promise<ApiResult<Membership>> {
  return requestJson('GET', `/api/sessions/${encodeURIComponent(sessionId)}`, membershipSchema);
}
