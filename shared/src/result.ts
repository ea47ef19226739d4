import type { ErrorCode } from './errors.ts';

export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string };
}

export type Result<T> = { ok: true; data: T } | Failure;

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
