import { ErrorCode, errorBody, httpStatusOf } from '@reflectory/shared';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return reply.status(httpStatusOf[code]).send(errorBody(code, message));
}

const internalMessage =
  'Something went wrong on our side. Please try again; if it keeps happening, tell whoever runs this server.';

/** Maps a client-fault status that Fastify or a plugin raised to one of our codes. */
function codeForClientStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return ErrorCode.unauthorized;
    case 403:
      return ErrorCode.forbidden;
    case 404:
      return ErrorCode.notFound;
    case 409:
      return ErrorCode.conflict;
    case 413:
      return ErrorCode.payloadTooLarge;
    case 429:
      return ErrorCode.rateLimited;
    default:
      return ErrorCode.invalidRequest;
  }
}

const connectionFailures = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECTION_ENDED',
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** A database that is down or unreachable (as opposed to a bug): answered 503, not 500. */
function isStoreFailure(error: Error): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionFailures.has(code)) return true;
    if (current.message.startsWith('no answer within')) return true;
  }
  return false;
}

/**
 * One error shape for every failure. 4xx keep Fastify's message, which describes the request;
 * 5xx are logged in full and answered with a fixed sentence, so no internals leak.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (isStoreFailure(error)) {
      request.log.error({ err: error }, 'request failed: the database did not answer');
      return sendError(
        reply,
        ErrorCode.unavailable,
        'The server cannot reach its database just now. Please try again shortly.',
      );
    }
    if (status >= 500 || status < 400) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, ErrorCode.internal, internalMessage);
    }
    request.log.info({ code: error.code, status }, 'request refused');
    return sendError(reply, codeForClientStatus(status), error.message);
  });
}
