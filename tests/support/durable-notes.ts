import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { commandSchemas, readBoard, type Ack } from '@reflectory/shared';
import postgres from 'postgres';
import { LiveConnection, TestBrowser, waitFor } from './live-client.ts';
import type { ServerProcess } from './server-process.ts';

/** A port that was free a moment ago, for a server that must come back on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** NODE_OPTIONS that preload the memory probe into a server started by `startServerProcess`. */
export const memoryProbeOptions = `--import tsx --import ${new URL('./memory-probe.ts', import.meta.url).href}`;

/** Asks a server started with `memoryProbeOptions` for its memory after a full GC. */
export async function probeMemory(
  server: ServerProcess,
): Promise<{ heapUsed: number; rss: number }> {
  const seen = [...server.output().matchAll(/^memory-probe (\d+) /gm)].length;
  server.child.kill('SIGUSR2');
  let line: RegExpExecArray | undefined;
  await waitFor(
    () => {
      line = [...server.output().matchAll(/^memory-probe (\d+) (\{.*\})$/gm)][seen];
      return line !== undefined;
    },
    10_000,
    'the memory probe to answer',
  );
  return JSON.parse(line![2]!) as { heapUsed: number; rss: number };
}

type UntypedCommand = (
  name: string,
  payload: Record<string, unknown>,
  timeoutMs?: number,
) => Promise<Ack<Record<string, unknown>>>;

/** Sends any command by name, whichever commands this version of the protocol has. */
export function sendCommand(
  live: LiveConnection,
  name: string,
  payload: Record<string, unknown>,
  timeoutMs?: number,
): Promise<Ack<Record<string, unknown>>> {
  return (live.command as unknown as UntypedCommand).call(live, name, payload, timeoutMs);
}

/**
 * Gets a fresh session ready for notes with the commands its protocol has (a facilitator moves to
 * the first step that takes notes; everyone accepts the agreement) and returns where notes go.
 */
export async function readyForNotes(
  facilitator: LiveConnection,
  everyone: readonly LiveConnection[],
): Promise<string> {
  type Board = {
    areas: Array<{ id: string }>;
    steps?: Array<{ id: string }>;
    currentStep?: { id: string };
  };
  const board = readBoard(facilitator.doc) as Board;
  const takesNotes = (id: string | undefined) => board.areas.some((area) => area.id === id);
  if ('step:go' in commandSchemas && board.steps && !takesNotes(board.currentStep?.id)) {
    const stepIndex = board.steps.findIndex((step) => takesNotes(step.id));
    const ack = await sendCommand(facilitator, 'step:go', { stepIndex });
    if (!ack.ok) throw new Error(`could not open the board for notes: ${ack.error.message}`);
  }
  if ('agreement:accept' in commandSchemas) {
    for (const live of everyone) await sendCommand(live, 'agreement:accept', {});
  }
  let area: string | undefined;
  await waitFor(
    () => {
      const now = readBoard(facilitator.doc) as Board;
      area = takesNotes(now.currentStep?.id) ? now.currentStep?.id : now.areas[0]?.id;
      return area !== undefined;
    },
    5000,
    'an area that takes notes',
  );
  return area!;
}

/**
 * A facilitator and `others` people, joined over HTTP, connected and synced. `connectVia` picks
 * the address each one's connections go to (a proxy standing for someone's network).
 */
export async function gather(
  baseUrl: string,
  others: number,
  connectVia: (index: number) => string = () => baseUrl,
) {
  const facilitator = new TestBrowser(baseUrl);
  const membership = await facilitator.createSession('Durability', 'Fay');
  const code = membership.session.joinCode ?? '';
  const browsers = [facilitator];
  for (let i = 0; i < others; i += 1) {
    const browser = new TestBrowser(baseUrl);
    await browser.join(code, `Person ${i + 1}`);
    browsers.push(browser);
  }
  const sessionId = membership.session.id;
  const lives = browsers.map(
    (browser, i) => new LiveConnection(connectVia(i), sessionId, browser.cookie ?? ''),
  );
  await Promise.all(lives.map((live) => live.waitUntilSynced(15_000)));
  return { sessionId, lives };
}

export interface Attempt {
  code: string;
  message: string;
  ms: number;
  at: number;
}

export interface SavedNote {
  commandId: string;
  text: string;
  noteId: string;
  firstSentAt: number;
  savedAt: number;
  attempts: Attempt[];
}

/**
 * Posts a note the way a client that cares about it does: a failed or unanswered attempt is sent
 * again with the same command id, until the server acknowledges it or `deadline` passes.
 */
export async function saveNote(
  live: LiveConnection,
  areaId: string,
  text: string,
  options: { attemptTimeoutMs: number; retryDelayMs: number; deadline: number },
): Promise<SavedNote> {
  const commandId = randomUUID();
  const attempts: Attempt[] = [];
  const firstSentAt = Date.now();
  while (Date.now() < options.deadline) {
    const started = Date.now();
    let ack: Ack<Record<string, unknown>>;
    try {
      ack = await sendCommand(
        live,
        'note:add',
        { commandId, areaId, text },
        options.attemptTimeoutMs,
      );
    } catch (error) {
      attempts.push({
        code: 'no-ack',
        message: String(error),
        ms: Date.now() - started,
        at: started,
      });
      continue;
    }
    if (ack.ok) {
      return {
        commandId,
        text,
        noteId: String(ack.data.noteId),
        firstSentAt,
        savedAt: Date.now(),
        attempts,
      };
    }
    attempts.push({ ...ack.error, ms: Date.now() - started, at: started });
    if (ack.error.code !== 'unavailable' && ack.error.code !== 'rate_limited')
      throw new Error(`note refused: ${ack.error.code} ${ack.error.message}`);
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
  }
  throw new Error(
    `note "${text}" was not saved before the deadline; attempts: ${JSON.stringify(attempts)}`,
  );
}

/** The session's note rows, read straight from PostgreSQL. */
export async function storedNotes(databaseUrl: string, sessionId: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<Array<{ id: string; text: string }>>`
      select id, text from notes where session_id = ${sessionId}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Texts that occur more than once. */
export function duplicates(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const text of texts) (seen.has(text) ? twice : seen).add(text);
  return [...twice];
}
