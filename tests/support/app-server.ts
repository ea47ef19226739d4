import type { AddressInfo } from 'node:net';
import { buildApp, type AppDeps } from '@reflectory/server';
import type { FastifyInstance } from 'fastify';

export interface RunningApp {
  app: FastifyInstance;
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Listen on this port (to restart a server where its clients expect it); 0 picks a free one. */
  port?: number;
  /** Adds routes before the app starts (tests use it to provoke failures). */
  prepare?: (app: FastifyInstance) => void;
}

/** Builds the app and listens over real HTTP on 127.0.0.1. */
export async function startApp(deps: AppDeps, options: StartOptions = {}): Promise<RunningApp> {
  const app = await buildApp({ logLevel: process.env.TEST_LOG_LEVEL ?? 'silent', ...deps });
  options.prepare?.(app);
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, port, close: () => app.close() };
}

/** Collects the app's JSON log lines. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  entries(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  text(): string {
    return this.lines.join('');
  }
}
