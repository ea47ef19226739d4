import { it } from 'vitest';
import { createScratchPostgres } from '../support/databases.ts';
import {
  duplicates,
  freePort,
  gather,
  readyForNotes,
  saveNote,
  sendCommand,
  storedNotes,
  type SavedNote,
} from '../support/durable-notes.ts';
import { waitFor, type LiveConnection } from '../support/live-client.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

/**
 * The server process goes away, by SIGKILL or by a restart, while people work. The two cases run
 * side by side (they share nothing) to keep the suite short.
 */

// Twenty replicas in one process each register an exit listener.
process.setMaxListeners(100);

const clients = 20;
const notesPerClient = 30;
/** Each client posts every 200 ms: 100 notes a second in all. */
const intervalMs = 200;

/**
 * How long the client stays offline. The issue asks for up to two minutes; 45 s keeps the suite
 * short while outlasting every liveness timer on both sides (y-websocket's 30 s without a message,
 * Socket.IO's 25 s + 20 s ping timeout, the server's 30 s heartbeat, awareness's 30 s). Nothing
 * else depends on how long a client was away: the restart reloads the room from the store, as an
 * idle eviction would. DURABILITY_OFFLINE_MS=120000 runs the full two minutes.
 */
const offlineMs = Number(process.env.DURABILITY_OFFLINE_MS ?? 45_000);

describeWith('durability: the server process goes away mid-session', realPostgres, () => {
  it.concurrent(
    'under 100 notes/s, SIGKILL loses no acked note and doubles none; unacked notes retried with the same id land once; every client converges',
    async ({ expect, onTestFinished }) => {
      const lives: LiveConnection[] = [];
      let server: ServerProcess | undefined;
      const scratch = await createScratchPostgres(testDatabaseUrl ?? '');
      onTestFinished(async () => {
        for (const live of lives) live.close();
        await server?.stop('SIGKILL');
        await scratch.drop();
      });
      const env = { DATABASE_URL: scratch.url, PORT: String(await freePort()) };
      server = await startServerProcess(env);
      const { sessionId, lives: connected } = await gather(server.baseUrl, clients - 1);
      lives.push(...connected);
      const areaId = await readyForNotes(lives[0]!, lives);

      const deadline = Date.now() + 60_000;
      const options = { attemptTimeoutMs: 2500, retryDelayMs: 200, deadline };
      const posting = lives.flatMap((live, c) =>
        Array.from({ length: notesPerClient }, async (_, n) => {
          await new Promise((resolve) =>
            setTimeout(resolve, n * intervalMs + c * (intervalMs / clients)),
          );
          return saveNote(live, areaId, `client ${c} note ${n}`, options);
        }),
      );
      const allSaved = Promise.all(posting);
      allSaved.catch(() => {}); // awaited below, after the restart

      // Freeze the process first so that the kill lands with commands sent and not yet answered
      // (a frozen server looks to its clients exactly like a slow one), then kill it.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      server.child.kill('SIGSTOP');
      const frozenAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await server.stop('SIGKILL')).toBeNull();
      server = await startServerProcess(env);

      const saved: SavedNote[] = await allSaved;
      const ackedBeforeKill = saved.filter((note) => note.savedAt < frozenAt);
      // Notes whose ack never came were sent again with the same command id. (A note answered just
      // before the freeze may be read by its client just after: timing alone cannot tell.)
      const retried = saved.filter(
        (note) => note.firstSentAt < frozenAt && note.attempts.length > 0,
      );
      expect(ackedBeforeKill.length).toBeGreaterThan(50);
      expect(retried.length).toBeGreaterThan(0);

      const rows = await storedNotes(scratch.url, sessionId);
      const total = clients * notesPerClient;
      expect(duplicates(rows.map((row) => row.text))).toEqual([]);
      expect(rows).toHaveLength(total);
      const idOf = new Map(rows.map((row) => [row.text, row.id]));
      for (const note of saved) expect(idOf.get(note.text), note.text).toBe(note.noteId);

      await waitFor(
        () => lives.every((live) => live.board().notes.length === total),
        30_000,
        'every client to hold every note',
      ).catch((error: unknown) => {
        const lacking = lives.map((live, c) => {
          const held = new Set(live.board().notes.map((note) => note.id));
          const missing = rows.filter((row) => !held.has(row.id)).map((row) => row.text);
          return missing.length === 0 ? '' : `client ${c} lacks ${missing.join(', ')}`;
        });
        throw new Error(`${String(error)}: ${lacking.filter(Boolean).join('; ')}`);
      });
      const reference = JSON.stringify(lives[0]!.board());
      for (const live of lives) expect(JSON.stringify(live.board())).toBe(reference);
      expect(new Set(lives[0]!.board().notes.map((note) => note.id))).toEqual(
        new Set(idOf.values()),
      );
    },
    90_000,
  );

  it.concurrent(
    'across a server restart, it receives every change it missed, in order, and can write again',
    async ({ expect, onTestFinished }) => {
      const lives: LiveConnection[] = [];
      let server: ServerProcess | undefined;
      const scratch = await createScratchPostgres(testDatabaseUrl ?? '');
      const port = await freePort();
      // Olive reaches the server through a proxy that stands for her network.
      const proxy = await startTcpProxy({ host: '127.0.0.1', port });
      onTestFinished(async () => {
        for (const live of lives) live.close();
        await server?.stop('SIGKILL');
        await proxy.close();
        await scratch.drop();
      });
      const env = { DATABASE_URL: scratch.url, PORT: String(port) };
      server = await startServerProcess(env);
      const oliveUrl = `http://127.0.0.1:${proxy.port}`;
      const baseUrl = server.baseUrl;
      const { lives: connected } = await gather(baseUrl, 2, (i) => (i === 2 ? oliveUrl : baseUrl));
      lives.push(...connected);
      const [fay, ann, olive] = connected as [LiveConnection, LiveConnection, LiveConnection];
      const areaId = await readyForNotes(fay, lives);

      const send = async (live: LiveConnection, name: string, payload: Record<string, unknown>) => {
        const ack = await sendCommand(live, name, payload, 20_000);
        if (!ack.ok) throw new Error(`${name} refused: ${ack.error.message}`);
        return String(ack.data.noteId ?? '');
      };
      const post = (live: LiveConnection, text: string) => send(live, 'note:add', { areaId, text });
      const edit = (noteId: string, text: string) => send(ann, 'note:edit', { noteId, text });

      await post(ann, 'before 1');
      await post(fay, 'before 2');
      await waitFor(() => olive.board().notes.length === 2, 10_000, 'Olive to see two notes');
      const oliveViews: string[][] = [];
      olive.doc.on('afterTransaction', () =>
        oliveViews.push(olive.board().notes.map((note) => note.id)),
      );

      const offlineAt = Date.now();
      proxy.silence();
      const edited = await post(ann, 'missed 1');
      const deleted = await post(ann, 'missed 2');
      await edit(edited, 'missed 1, edited once');
      await post(fay, 'missed 3 by Fay');
      await edit(edited, 'missed 1, edited twice');
      await send(ann, 'note:delete', { noteId: deleted });

      await server.stop('SIGTERM');
      server = await startServerProcess(env);
      await Promise.all([fay, ann].map((live) => live.waitUntilSynced(20_000)));
      const later = await post(ann, 'missed 4 after the restart');
      await post(fay, 'missed 5 after the restart');
      await edit(later, 'missed 4 after the restart, edited');

      await new Promise((resolve) => setTimeout(resolve, offlineAt + offlineMs - Date.now()));
      expect(olive.board().notes.map((note) => note.text)).toEqual(['before 1', 'before 2']);
      proxy.restore();

      const expected = [
        'before 1',
        'before 2',
        'missed 1, edited twice',
        'missed 3 by Fay',
        'missed 4 after the restart, edited',
        'missed 5 after the restart',
      ];
      await waitFor(
        () => JSON.stringify(olive.board()) === JSON.stringify(ann.board()),
        30_000,
        'Olive to catch up',
      );
      expect(olive.board().notes.map((note) => note.text)).toEqual(expected);
      // In order: whatever Olive's replica held at any moment was a prefix of the final order, so
      // no later change ever showed without the earlier ones.
      const finalIds = olive.board().notes.map((note) => note.id);
      for (const view of oliveViews) expect(view).toEqual(finalIds.slice(0, view.length));

      await post(olive, 'back online');
      await waitFor(
        () => ann.board().notes.some((note) => note.text === 'back online'),
        10_000,
        'Ann to see Olive’s new note',
      );
    },
    180_000,
  );
});
