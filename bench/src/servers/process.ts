import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { LoadFigures, MemoryFigures, ProbeReply, ProbeRequest } from './probe-protocol.ts';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const probeModule = new URL('./probe.ts', import.meta.url).href;

/** The cores the harness uses: the server alone on `server`, every client on `clients`. */
export const cores = { server: 0, clients: 1 } as const;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const pinning = hasTaskset();

/** Servers still running; killed if the harness exits early, so none outlives it. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Pins this process (every thread, and the worker threads it starts later) to the clients' core,
 * so that the load generator never takes CPU from the server it measures.
 */
export function pinSelfToClientCore(): boolean {
  if (!pinning) return false;
  execFileSync('taskset', ['-a', '-cp', String(cores.clients), String(process.pid)], {
    stdio: 'ignore',
  });
  return true;
}

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

export interface ServerUnderTest {
  readonly name: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly child: ChildProcess;
  memory(): Promise<MemoryFigures>;
  resetLoad(): Promise<void>;
  load(): Promise<LoadFigures>;
  profileStart(): Promise<void>;
  profileStop(path: string): Promise<void>;
  heapSnapshot(path: string): Promise<void>;
  /** What the server wrote to stdout and stderr (warnings and errors only, at LOG_LEVEL=warn). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface StartOptions {
  name: string;
  /** Entry module, relative to the repository root. */
  entry: string;
  env: Record<string, string>;
  /** Path answering 200 once the server serves. */
  readyPath: string;
  port?: number;
  args?: string[];
}

/**
 * Starts a server in production mode as a child process pinned to the server core, with the
 * probe preloaded, and resolves once `readyPath` answers 200.
 */
export async function startServer(options: StartOptions): Promise<ServerUnderTest> {
  const port = options.port ?? (await freePort());
  const node = ['--import', 'tsx', '--import', probeModule, options.entry, ...(options.args ?? [])];
  const [command, args] = pinning
    ? ['taskset', ['-c', String(cores.server), process.execPath, ...node]]
    : [process.execPath, node];
  const child = spawn(command, args as string[], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...options.env,
    },
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );

  let nextId = 1;
  const pending = new Map<number, (reply: ProbeReply) => void>();
  child.on('message', (message: ProbeReply & { id: number }) => {
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const probe = (request: ProbeRequest): Promise<ProbeReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${options.name}: probe "${request.type}" did not answer`));
      }, 120_000);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.type === 'error') reject(new Error(`${options.name}: ${reply.message}`));
        else resolve(reply);
      });
      child.send({ id, ...request });
    });

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited while starting:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}${options.readyPath}`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    name: options.name,
    port,
    baseUrl,
    child,
    async memory() {
      const reply = await probe({ type: 'memory' });
      if (reply.type !== 'memory') throw new Error('unexpected probe reply');
      return reply;
    },
    async resetLoad() {
      await probe({ type: 'load-reset' });
    },
    async load() {
      const reply = await probe({ type: 'load' });
      if (reply.type !== 'load') throw new Error('unexpected probe reply');
      return reply;
    },
    async profileStart() {
      await probe({ type: 'profile-start' });
    },
    async profileStop(path) {
      await probe({ type: 'profile-stop', path });
    },
    async heapSnapshot(path) {
      await probe({ type: 'heap-snapshot', path });
    },
    output: () => log,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Applies the server's migrations with its own CLI (`main.ts migrate`). */
export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'migrate'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
