import { z } from 'zod';

/**
 * Every error a client can see, by code. Each transport maps a code once: HTTP to a status,
 * Socket.IO to an ack, the document socket to a close code.
 */
export const ErrorCode = {
  invalidRequest: 'invalid_request',
  notFound: 'not_found',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  rateLimited: 'rate_limited',
  notReady: 'not_ready',
  /** The store did not answer in time; retry the command as it is (same id): it applies at most once. */
  unavailable: 'unavailable',
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorCodeSchema = z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]);

/** The one error shape on every HTTP response and every failed ack. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** HTTP status for each error code; the only place the mapping lives. */
export const httpStatusOf: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  not_ready: 503,
  unavailable: 503,
};
