import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { ErrorCode } from '@reflectory/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';

/** Paths owned by the server; the client's routes never start with these. */
const serverPrefixes = ['/api/', '/yjs/', '/socket.io/'];

function isClientRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (serverPrefixes.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix)) {
    return false;
  }
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the built client (`client/dist`) and answers any other page request with index.html so
 * that client routes survive a reload. Unknown API paths get a JSON 404.
 */
export async function registerClientApp(
  app: FastifyInstance,
  clientDir: string | undefined,
): Promise<void> {
  const hasClient = clientDir !== undefined && existsSync(join(clientDir, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: clientDir,
      index: 'index.html',
      wildcard: true,
      setHeaders(reply, path) {
        // Vite names every asset by its content hash, so an asset never changes under its name.
        const immutable = path.startsWith(join(clientDir, 'assets'));
        reply.header(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (hasClient && isClientRoute(request)) {
      return reply.sendFile('index.html');
    }
    return sendError(
      reply,
      ErrorCode.notFound,
      `Nothing at ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
}
