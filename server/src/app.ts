import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/database.ts';
import { registerClientApp } from './http/client-app.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerHealthRoutes } from './http/health.ts';

export interface AppDeps {
  database: Database;
  /** Folder of the built client; the app serves no pages without it. */
  clientDir?: string | undefined;
  logLevel?: string;
  allowedOrigins?: string[];
}

/** The composition root: builds the whole app without listening, so tests can run it on port 0. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: 64 * 1024,
    trustProxy: false,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });

  registerErrorHandling(app);
  registerHealthRoutes(app, deps.database);
  await registerClientApp(app, deps.clientDir);

  return app;
}
