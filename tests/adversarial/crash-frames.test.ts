import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, waitFor } from '../support/live-client.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/**
 * Socket.IO packets that are valid on the wire but not what a command expects. Each is written to
 * the engine as a raw Engine.IO message ("2" is a Socket.IO EVENT, "21" an EVENT that asks for an
 * ack with id 1), so no client library can tidy it up first.
 */
const rawPackets: Array<[string, string]> = [
  ['an event whose name is a number', '2[42]'],
  ['an event whose name is a number, with an ack', '21[42]'],
  ['an event whose name is null', '21[null,{}]'],
  ['an event whose name is an object', '21[{"toString":1},{}]'],
  ['an event whose name is an array', '21[["note:add"],{}]'],
  ['an event whose name is a boolean', '2[true]'],
  ['an event with no name at all', '2[]'],
  ['an event whose name is a huge string', `21["${'x'.repeat(60_000)}"]`],
  ['yjs:open with a number as the document', '21["yjs:open",7]'],
  ['yjs:open with no ack', '2["yjs:open","x"]'],
  ['yjs with an object in place of bytes', '2["yjs",{"length":1e9}]'],
  ['time:sync without an ack', '2["time:sync",{}]'],
  ['a command with a string in place of its payload', '21["note:add","hello"]'],
  ['a command with a prototype-polluting payload', '21["note:add",{"__proto__":{"x":1}}]'],
  ['an ack for a request the server never made', '39[1]'],
  [
    'a binary event that promises attachments it never sends',
    '51-["yjs",{"_placeholder":true,"num":0}]',
  ],
];

/**
 * [S1] One frame must never stop the server. A real server process (embedded database) is sent
 * packets that once threw inside Socket.IO's dispatch, outside any promise, and stopped the
 * process; after every one, the process still answers and another person's command still works.
 */
describe('hostile Socket.IO packets do not stop the server', () => {
  let server: ServerProcess;
  let dataDir: string;
  const attacker = { browser: undefined as unknown as TestBrowser, sessionId: '' };
  const bystander = { browser: undefined as unknown as TestBrowser, sessionId: '' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reflectory-crash-'));
    server = await startServerProcess({ DATA_DIR: dataDir });
    for (const [who, name] of [
      [attacker, 'Mallory'],
      [bystander, 'Grace'],
    ] as const) {
      who.browser = new TestBrowser(server.baseUrl);
      who.sessionId = (await who.browser.createSession(`${name}'s session`, name)).session.id;
    }
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(rawPackets)('[S1] %s: the process lives and others keep working', async (_, packet) => {
    const connection = attacker.browser.connect(attacker.sessionId, { board: 'carried' });
    try {
      await waitFor(() => connection.socket.connected, 10_000, 'attacker connected');
      connection.socket.io.engine.write(packet);
      await new Promise((resolve) => setTimeout(resolve, 150));

      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

      const live = bystander.browser.connect(bystander.sessionId, { board: 'carried' });
      try {
        const result = await live.command('timer:reset', {});
        expect(result).toEqual({ ok: true, data: {} });
      } finally {
        live.close();
      }
    } finally {
      connection.close();
    }
    expect(server.output()).not.toMatch(/TypeError|uncaught/i);
  });
});
