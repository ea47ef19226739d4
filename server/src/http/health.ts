import { ErrorCode } from '@reflectory/shared';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { sendError } from './errors.ts';

const readinessTimeoutMs = 2000;

export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    try {
      await database.ping(readinessTimeoutMs);
      return { status: 'ready', database: database.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return sendError(
        reply,
        ErrorCode.notReady,
        `The database did not answer within ${readinessTimeoutMs / 1000} s.`,
      );
    }
  });
}
