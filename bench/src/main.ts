/**
 * `pnpm bench` (and `pnpm bench:smoke`): runs the scenarios against servers started in production
 * mode on a scratch PostgreSQL database, prints what the machine is and a table of figures.
 * Options: --smoke (two sessions, ten seconds), --only=s1s2,peer,s3,s4, --threads=N (client
 * worker threads), --profile (CPU profiles of S2's window and heap snapshots around S1, in
 * bench/profiles/), --connections=commands|replica|separate (S1 with the command connection
 * without the board, the board alone over /yjs/, or both on separate connections as before the
 * board was carried over Socket.IO: to see what each costs), --wait-quiet=MINUTES (wait for the
 * machine's load average to fall below 1 first), --pool=N (our server's DATABASE_POOL_SIZE).
 * Exits non-zero when the harness itself fails, not when a target is missed.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fullScale, profileDirectory, smokeScale, type Context } from './context.ts';
import { describeMachine } from './machine.ts';
import { renderTable, type Results } from './report.ts';
import { runBigRoom } from './scenarios/big-room.ts';
import { runColdJoin } from './scenarios/cold-join.ts';
import { runIdleAndSteady } from './scenarios/idle-steady.ts';
import { createScratchDatabase } from './scratch-database.ts';
import { migrate, pinSelfToClientCore } from './servers/process.ts';
import { sleep } from './stats.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    threads: { type: 'string', default: '8' },
    profile: { type: 'boolean', default: false },
    connections: { type: 'string', default: 'both' },
    'wait-quiet': { type: 'string' },
    pool: { type: 'string' },
  },
});

const write = (line: string) => process.stdout.write(`${line}\n`);
// S3 and S4 hold their participants on this thread; each y-websocket provider adds an exit listener.
process.setMaxListeners(0);
const scale = values.smoke ? smokeScale : fullScale;
const wanted = new Set((values.only ?? 's1s2,peer,s3,s4').split(','));
const limitMs = values.smoke ? 5 * 60_000 : 20 * 60_000;

function parseConnections(value: string): Context['connections'] {
  if (value === 'both' || value === 'commands' || value === 'replica' || value === 'separate')
    return value;
  throw new Error(`--connections is both, commands, replica or separate, not "${value}"`);
}

/** This machine may be shared: wait (up to `minutes`) for the others' load to settle. */
async function waitForQuiet(minutes: number): Promise<void> {
  const until = Date.now() + minutes * 60_000;
  while (loadavg()[0]! > 1 && Date.now() < until) {
    write(`  waiting for a quiet machine (load ${loadavg()[0]!.toFixed(1)})`);
    await sleep(15_000);
  }
}

async function main(): Promise<void> {
  if (values['wait-quiet']) await waitForQuiet(Number(values['wait-quiet']));
  const pinned = pinSelfToClientCore();
  const loadBefore = loadavg();
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(adminUrl);
  const context: Context = {
    scale,
    databaseUrl: scratch.url,
    threads: Number(values.threads),
    profile: values.profile,
    profileDir: values.profile ? profileDirectory() : '',
    connections: parseConnections(values.connections),
    poolSize: values.pool === undefined ? undefined : Number(values.pool),
    log: (line) => write(line),
  };
  const started = Date.now();
  const results: Results = {};
  try {
    write(`# Reflectory benchmarks${values.smoke ? ' (smoke run)' : ''}\n`);
    write(await describeMachine(adminUrl, pinned, process.argv.slice(2)));
    migrate(scratch.url);
    if (wanted.has('s1s2') || wanted.has('peer')) {
      write('S1 + S2 against Reflectory');
      const ours = await runIdleAndSteady('ours', context, undefined);
      results.ours = ours.result;
      if (wanted.has('peer')) {
        write('S1 + S2 against the Hocuspocus peer');
        results.peer = (await runIdleAndSteady('peer', context, ours.population)).result;
      }
    }
    if (wanted.has('s3')) {
      write('S3 big room');
      results.bigRoom = await runBigRoom(context);
      if ('skipped' in results.bigRoom) write(`  skipped: ${results.bigRoom.skipped}`);
    }
    if (wanted.has('s4')) {
      write('S4 cold join');
      results.coldJoin = await runColdJoin(context);
    }
  } finally {
    await scratch.drop().catch(() => {});
  }
  write(`\n${renderTable(results)}\n`);
  const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' ');
  write(
    `Finished in ${((Date.now() - started) / 1000).toFixed(0)} s. Load average (1, 5, 15 min) ` +
      `before: ${load(loadBefore)}; after: ${load(loadavg())}.`,
  );
  for (const run of [results.ours, results.peer])
    for (const error of run?.steady?.errors ?? []) write(`  ${run?.kind} error: ${error}`);
}

const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${limitMs / 60_000} minutes; giving up\n`);
  process.exit(1);
}, limitMs);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
