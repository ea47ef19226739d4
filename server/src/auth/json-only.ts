import { ErrorCode } from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http/errors.ts';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const jsonOnlyMessage = 'This API accepts only JSON bodies (Content-Type: application/json).';

/**
 * Another site's page can send a "simple" cross-origin request (a form post, or fetch with
 * text/plain) without a CORS preflight. Refusing every body that is not JSON means such a request
 * never reaches a route, whatever its Origin: a JSON body from another site needs a preflight,
 * which this server never grants. Origin checks and SameSite=Lax cookies are the other two layers.
 *
 * The guard decides on the route the router matched, not on the request's path: the router
 * decodes percent-escapes (`/%61pi/join` is `/api/join`) and takes absolute-form targets
 * (`http://any/api/join`), so a test of the raw path can be walked around. Every state-changing
 * route is guarded (all of them are under /api/); a request that matched no route changes nothing.
 */
async function refuseNonJsonBodies(request: FastifyRequest, reply: FastifyReply) {
  if (!stateChanging.has(request.method) || request.routeOptions.url === undefined) return;
  const type = request.headers['content-type'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0;
  if (type === undefined && !hasBody) return;
  const mediaType = type?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return sendError(reply, ErrorCode.invalidRequest, jsonOnlyMessage);
  }
}

/**
 * Installs the guard before any route runs, and leaves JSON as the only body parser, so that a
 * route the guard somehow missed would still refuse a text/plain body (415) rather than read it.
 */
export function acceptOnlyJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', refuseNonJsonBodies);
}
