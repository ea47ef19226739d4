import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@reflectory/server';
import { errorBodySchema } from '@reflectory/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server.ts';
import { openMigratedPglite } from '../support/databases.ts';

describe('HTTP surface', () => {
  let database: Database;
  let server: RunningApp;
  let clientDir: string;

  beforeAll(async () => {
    database = await openMigratedPglite();
    clientDir = await mkdtemp(join(tmpdir(), 'reflectory-client-'));
    await mkdir(join(clientDir, 'assets'));
    await writeFile(
      join(clientDir, 'index.html'),
      '<!doctype html><title>Reflectory test shell</title>',
    );
    await writeFile(join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)');
    server = await startApp(
      { database, clientDir },
      {
        prepare: (app) => {
          app.get('/api/test/explode', async () => {
            throw new Error('secret internal detail: password=hunter2');
          });
        },
      },
    );
  });

  afterAll(async () => {
    await server.close();
    await database.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${path}`, { headers });

  it('GET /healthz says the process is alive', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz says the database answers, and which kind it is', async () => {
    const response = await get('/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('serves the client at / and index.html for client routes', async () => {
    for (const path of ['/', '/join', '/j/ABC234', '/session/some-id?x=1']) {
      const response = await get(path, { accept: 'text/html' });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('Reflectory test shell');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await get('/assets/app-1234.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers an unknown /api path with a JSON 404 in the one error shape', async () => {
    for (const path of ['/api/nothing', '/api/', '/api']) {
      const response = await get(path, { accept: 'text/html' });
      expect(response.status, path).toBe(404);
      const body = errorBodySchema.parse(await response.json());
      expect(body.error.code).toBe('not_found');
    }
  });

  it('answers a missing asset with a JSON 404, not the page', async () => {
    const response = await get('/assets/missing.js', { accept: '*/*' });
    expect(response.status).toBe(404);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('not_found');
  });

  it('a 5xx shows no internals and carries a request id', async () => {
    const response = await get('/api/test/explode');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('secret');
    expect(errorBodySchema.parse(JSON.parse(text)).error.code).toBe('internal');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a malformed JSON body is a 400 in the one error shape', async () => {
    const response = await fetch(`${server.baseUrl}/api/test/explode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect([400, 404]).toContain(response.status);
    const body = errorBodySchema.parse(await response.json());
    expect(['invalid_request', 'not_found']).toContain(body.error.code);
  });

  it('sends security headers with a CSP that allows only our own origin', async () => {
    const response = await get('/', { accept: 'text/html' });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('readiness when the database is gone', () => {
  it('GET /readyz answers 503 with a reason, while /healthz stays 200', async () => {
    const database = await openMigratedPglite();
    const server = await startApp({ database });
    try {
      await database.close();
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      const body = errorBodySchema.parse(await ready.json());
      expect(body.error.code).toBe('not_ready');
      expect(body.error.message).toMatch(/database/i);
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
