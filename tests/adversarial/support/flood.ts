import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

export interface AckRecord {
  ok: boolean;
  code?: string | undefined;
  message?: string | undefined;
  /** When the ack (or its timeout) arrived, performance.now(). */
  at: number;
}

/** A Socket.IO connection the server accepted, or how it refused the handshake. */
export type Attempt =
  | { connected: true; socket: Socket }
  | { connected: false; code: string | undefined; message: string };

/** Opens one raw Socket.IO connection as the cookie's person (no reconnection) and waits for the answer. */
export async function attemptConnection(
  baseUrl: string,
  sessionId: string,
  cookie: string,
  timeoutMs = 10_000,
): Promise<Attempt> {
  const socket = io(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: { sessionId },
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.close();
      resolve({ connected: false, code: undefined, message: 'no answer to the handshake' });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ connected: true, socket });
    });
    socket.once(
      'connect_error',
      (error: Error & { data?: { code?: string; message?: string } }) => {
        clearTimeout(timer);
        socket.close();
        resolve({
          connected: false,
          code: error.data?.code,
          message: error.data?.message ?? error.message,
        });
      },
    );
  });
}

/** Sends one command and records its ack; a missing ack is recorded as code `timeout`. */
export async function sendRecorded(
  socket: Socket,
  name: string,
  payload: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<AckRecord> {
  try {
    const ack = (await socket
      .timeout(timeoutMs)
      .emitWithAck(name, { commandId: randomUUID(), ...payload })) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    return ack.ok
      ? { ok: true, at: performance.now() }
      : {
          ok: false,
          code: ack.error?.code,
          message: ack.error?.message,
          at: performance.now(),
        };
  } catch {
    return { ok: false, code: 'timeout', at: performance.now() };
  }
}

/**
 * Every socket keeps `inFlight` commands outstanding until `durationMs` has passed since the
 * start: as fast as the server answers, which is what a hostile script does. Returns every ack.
 */
export async function flood(
  sockets: readonly Socket[],
  name: string,
  payload: () => Record<string, unknown>,
  options: { durationMs: number; inFlight: number },
): Promise<AckRecord[]> {
  const records: AckRecord[] = [];
  const until = performance.now() + options.durationMs;
  await Promise.all(
    sockets.flatMap((socket) =>
      Array.from({ length: options.inFlight }, async () => {
        while (performance.now() < until && socket.connected) {
          records.push(await sendRecorded(socket, name, payload()));
        }
      }),
    ),
  );
  return records;
}

/** Counts records by outcome: `ok`, or the refusal's code. */
export function tally(records: readonly AckRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) {
    const key = record.ok ? 'ok' : (record.code ?? 'unknown');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function describeTally(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, count]) => `${count} ${key}`)
    .join(', ');
}
