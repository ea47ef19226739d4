import { afterAll, expect, it } from 'vitest';
import { createScratchPostgres, type ScratchPostgres } from '../support/databases.ts';
import {
  duplicates,
  gather,
  memoryProbeOptions,
  probeMemory,
  readyForNotes,
  saveNote,
  storedNotes,
  type SavedNote,
} from '../support/durable-notes.ts';
import { waitFor, type LiveConnection } from '../support/live-client.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const people = 10;
/** 15 s of a silent network, then 15 s of refused connections: PostgreSQL gone for 30 s in all. */
const silentMs = 15_000;
const refusedMs = 15_000;
/** The server answers `unavailable` after 2 s; the margin covers scheduling on a busy machine. */
const failWithinMs = 2000 + 600;
const mb = 1024 * 1024;

describeWith('durability: PostgreSQL becomes unreachable mid-session', realPostgres, () => {
  let scratch: ScratchPostgres | undefined;
  let proxy: TcpProxy | undefined;
  let server: ServerProcess | undefined;
  const lives: LiveConnection[] = [];

  afterAll(async () => {
    for (const live of lives) live.close();
    await server?.stop('SIGKILL');
    await proxy?.close();
    await scratch?.drop();
  });

  it('the server stays up, commands fail within 2 s saying saving is paused, memory stays bounded, and every retried note is saved exactly once', async () => {
    scratch = await createScratchPostgres(testDatabaseUrl ?? '');
    const direct = new URL(scratch.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(proxy.port);
    server = await startServerProcess({
      DATABASE_URL: viaProxy.toString(),
      NODE_OPTIONS: memoryProbeOptions,
    });
    const { sessionId, lives: connected } = await gather(server.baseUrl, people - 1);
    lives.push(...connected);
    const areaId = await readyForNotes(lives[0]!, lives);
    const options = { attemptTimeoutMs: 10_000, retryDelayMs: 250, deadline: Date.now() + 80_000 };
    for (const [i, live] of lives.entries()) await saveNote(live, areaId, `before ${i}`, options);
    const before = await probeMemory(server);

    // Every person keeps writing: one note at a time, each sent again until it is saved.
    let writing = true;
    const saved: SavedNote[] = [];
    const writers = lives.map(async (live, i) => {
      for (let n = 0; writing; n += 1) {
        saved.push(await saveNote(live, areaId, `person ${i} note ${n}`, options));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    });
    const allWritten = Promise.all(writers);
    allWritten.catch(() => {}); // awaited below

    const outageStart = Date.now();
    proxy.silence();
    const health: number[] = [];
    const readiness: number[] = [];
    const heap: number[] = [];
    const at = (ms: number) => new Promise((r) => setTimeout(r, outageStart + ms - Date.now()));
    for (const checkpoint of [
      5_000,
      10_000,
      silentMs,
      20_000,
      25_000,
      silentMs + refusedMs - 1000,
    ]) {
      await at(checkpoint);
      if (checkpoint === silentMs) proxy.cut();
      health.push((await fetch(`${server.baseUrl}/healthz`)).status);
      readiness.push((await fetch(`${server.baseUrl}/readyz`)).status);
      heap.push((await probeMemory(server)).heapUsed);
    }
    await at(silentMs + refusedMs);
    proxy.restore();
    const outageEnd = Date.now();

    // Everyone's pending note is saved soon after; then they stop writing.
    await waitFor(
      () =>
        lives.every((_, i) =>
          saved.some((n) => n.text.startsWith(`person ${i} `) && n.savedAt > outageEnd),
        ),
      20_000,
      'every person to save a note after the outage',
    );
    writing = false;
    await allWritten;

    expect(server.child.exitCode).toBeNull();
    expect(health.every((status) => status === 200)).toBe(true);
    expect(readiness.every((status) => status === 503)).toBe(true);

    const failures = saved.flatMap((note) => note.attempts);
    const duringOutage = failures.filter((a) => a.at >= outageStart && a.at < outageEnd);
    expect(duringOutage.length).toBeGreaterThanOrEqual(people);
    for (const failure of duringOutage) {
      expect(failure.code).toBe('unavailable');
      expect(failure.message).toMatch(/saving is paused/i);
      expect(failure.ms).toBeLessThanOrEqual(failWithinMs);
    }
    expect(saved.filter((note) => note.attempts.length > 0).length).toBeGreaterThanOrEqual(people);

    // Bounded: the heap after GC grows by little over 30 s of failing commands, and no longer
    // grows in the second half of the outage.
    expect(Math.max(...heap) - before.heapUsed).toBeLessThan(32 * mb);
    expect(heap.at(-1)! - heap[1]!).toBeLessThan(8 * mb);

    const rows = await storedNotes(scratch.url, sessionId);
    expect(duplicates(rows.map((row) => row.text))).toEqual([]);
    const idOf = new Map(rows.map((row) => [row.text, row.id]));
    for (const note of saved) expect(idOf.get(note.text), note.text).toBe(note.noteId);
    expect(rows).toHaveLength(people + saved.length);
    await waitFor(
      () => lives.every((live) => live.board().notes.length === rows.length),
      20_000,
      'every client to hold every saved note',
    );
    const reference = JSON.stringify(lives[0]!.board());
    for (const live of lives) expect(JSON.stringify(live.board())).toBe(reference);
  }, 90_000);
});
