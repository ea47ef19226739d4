import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServer, type ServerUnderTest } from './servers/process.ts';

export interface Scale {
  /** S1/S2: sessions, and people in each (the facilitator included). */
  sessions: number;
  perSession: number;
  /** S2: measured seconds after a warm-up, then a drain for late deliveries. */
  warmupMs: number;
  durationMs: number;
  drainMs: number;
  /** S3: people in the big room. */
  bigRoom: number;
  /** S4: notes on the board, writers who post them, timed joins one after another and at once. */
  boardNotes: number;
  writers: number;
  sequentialJoins: number;
  burstJoins: number;
  coldJoins: number;
}

export const fullScale: Scale = {
  sessions: 100,
  perSession: 20,
  warmupMs: 5_000,
  durationMs: 40_000,
  drainMs: 3_000,
  bigRoom: 200,
  boardNotes: 2_000,
  // A person adds at most 50 notes to a step round [Q1]: 2,000 notes take 40 writers.
  writers: 40,
  sequentialJoins: 40,
  burstJoins: 20,
  coldJoins: 3,
};

export const smokeScale: Scale = {
  sessions: 2,
  perSession: 20,
  warmupMs: 1_000,
  durationMs: 10_000,
  drainMs: 1_000,
  bigRoom: 20,
  boardNotes: 200,
  writers: 5,
  sequentialJoins: 5,
  burstJoins: 5,
  coldJoins: 1,
};

export interface Context {
  scale: Scale;
  databaseUrl: string;
  threads: number;
  /** Write CPU profiles of measured windows and heap snapshots into `profileDir`. */
  profile: boolean;
  profileDir: string;
  /**
   * What each of our participants holds in S1/S2: `both` is what the browser does (commands and
   * the board carried over one Socket.IO connection); `commands` the command connection without
   * the board; `replica` the board alone over /yjs/<doc>; `separate` the two connections of a
   * participant before the carriage (Socket.IO plus /yjs/). S2 runs with `both` only.
   */
  connections: 'both' | 'commands' | 'replica' | 'separate';
  /** DATABASE_POOL_SIZE for our server; its default when undefined. */
  poolSize: number | undefined;
  log(line: string): void;
}

export function profileDirectory(): string {
  const dir = join(repoRoot, 'bench', 'profiles');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function startOurServer(context: Context): Promise<ServerUnderTest> {
  return startServer({
    name: 'reflectory',
    entry: 'server/src/main.ts',
    env: {
      DATABASE_URL: context.databaseUrl,
      ...(context.poolSize === undefined ? {} : { DATABASE_POOL_SIZE: String(context.poolSize) }),
    },
    readyPath: '/readyz',
  });
}

export function startPeerServer(context: Context): Promise<ServerUnderTest> {
  return startServer({
    name: 'hocuspocus',
    entry: 'bench/src/servers/peer-server.ts',
    env: { DATABASE_URL: context.databaseUrl },
    readyPath: '/',
  });
}
