import type { AddressInfo } from 'node:net';
import { buildApp, type AppDeps } from '@reflectory/server';
import type { FastifyInstance } from 'fastify';

export interface RunningApp {
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Builds the app and listens on a free port over real HTTP. `prepare` may add routes before the
 * app starts (tests use it to provoke failures).
 */
export async function startApp(
  deps: AppDeps,
  prepare?: (app: FastifyInstance) => void,
): Promise<RunningApp> {
  const app = await buildApp({ logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', ...deps });
  prepare?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}
