import { ErrorCode } from '@reflectory/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http/errors.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Another site's page can send a "simple" cross-origin request (a form post, or fetch with
 * text/plain) without a CORS preflight. Refusing every API body that is not JSON means such a
 * request never reaches a route, whatever its Origin: a JSON body from another site needs a
 * preflight, which this server never grants. Origin checks and SameSite=Lax cookies are the
 * other two layers.
 */
export async function refuseNonJsonBodies(request: FastifyRequest, reply: FastifyReply) {
  if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
  const type = request.headers['content-type'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (type === undefined && !hasBody) return;
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return sendError(
      reply,
      ErrorCode.invalidRequest,
      'This API accepts only JSON bodies (Content-Type: application/json).',
    );
  }
}
