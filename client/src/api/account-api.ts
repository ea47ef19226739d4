import {
  currentUserSchema,
  meSchema,
  type ChangePasswordRequest,
  type CurrentUser,
  type DeleteAccountRequest,
  type Me,
  type SignInRequest,
  type SignUpRequest,
} from '@reflectory/shared';
import { noContent, requestJson, type ApiResult } from './http.ts';

/** Where the browser downloads the signed-in person's own data (a JSON attachment). */
export const accountExportPath = '/api/auth/export';

/** Who is signed in on this browser; `user: null` for a guest. */
export function fetchCurrentUser(): Promise<ApiResult<CurrentUser>> {
  return requestJson('GET', '/api/auth/me', currentUserSchema);
}

/** Creates an account and signs this browser in. */
export function signUp(request: SignUpRequest): Promise<ApiResult<Me>> {
  return requestJson('POST', '/api/auth/signup', meSchema, request);
}

export function signIn(request: SignInRequest): Promise<ApiResult<Me>> {
  return requestJson('POST', '/api/auth/signin', meSchema, request);
}

export function signOut(): Promise<ApiResult<undefined>> {
  return requestJson('POST', '/api/auth/signout', noContent);
}

/** Changes the password; every other browser signed in to the account is signed out. */
export function changePassword(request: ChangePasswordRequest): Promise<ApiResult<undefined>> {
  return requestJson('POST', '/api/auth/password', noContent, request);
}

/** Deletes the account for good and signs this browser out. */
export function deleteAccount(request: DeleteAccountRequest): Promise<ApiResult<undefined>> {
  return requestJson('POST', '/api/auth/delete', noContent, request);
}
