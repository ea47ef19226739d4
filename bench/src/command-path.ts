/**
 * `pnpm bench:commands`: the command path on one idle session, counted on the wire. Our server
 * runs as in production (`main.ts`, NODE_ENV=production) on a scratch database that it reaches
 * through a proxy counting the statements and round trips each command causes; one participant at
 * a time posts notes (each waits for its ack), then 200 hidden notes are revealed at once.
 * Options: --posts=N (default 200), --hidden=N (notes per reveal, default 200), --reveals=N
 * (default 2), --people=N (writers besides the facilitator, default 20), --replicas (everyone
 * holds a board replica, as in S3), --pool=N (sets DATABASE_POOL_SIZE for the server). Counts are exact; timings are
 * one machine's, so compare runs made minutes apart.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { OurParticipant, acceptAgreement } from './clients/ours.ts';
import { goToVotingStage, votingModel } from './scenarios/big-room.ts';
import { createScratchDatabase } from './scratch-database.ts';
import { seedSessions } from './seed.ts';
import { migrate, startServer } from './servers/process.ts';
import { startWireCounter, type WireCounts } from './servers/wire-counter.ts';
import { distribution, inBatches, now, sleep, waitUntil, type Distribution } from './stats.ts';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '200' },
    hidden: { type: 'string', default: '200' },
    reveals: { type: 'string', default: '2' },
    pool: { type: 'string' },
    people: { type: 'string', default: '20' },
    replicas: { type: 'boolean', default: false },
  },
});

const write = (line: string) => process.stdout.write(`${line}\n`);
const writers = Number(values.people);

interface Measured {
  ms: number;
  counts: WireCounts;
}

function summary(label: string, runs: readonly Measured[]): string {
  const times: Distribution = distribution(runs.map((run) => run.ms));
  const statements = distribution(runs.map((run) => run.counts.statements));
  const trips = distribution(runs.map((run) => run.counts.roundTrips));
  return (
    `${label.padEnd(24)} n=${String(times.count).padStart(3)}  ` +
    `statements p50 ${statements.p50} max ${statements.max}  ` +
    `round trips p50 ${trips.p50} max ${trips.max}  ` +
    `ack ms p50 ${times.p50.toFixed(1)} p95 ${times.p95.toFixed(1)} max ${times.max.toFixed(1)}`
  );
}

async function must(
  person: OurParticipant,
  name: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const { ack } = await person.command(name, payload, 30_000);
  if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
}

async function main(): Promise<void> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(adminUrl);
  const target = new URL(scratch.url);
  const counter = await startWireCounter({
    host: target.hostname,
    port: Number(target.port || '5432'),
  });
  const proxied = new URL(scratch.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(counter.port);
  const people: OurParticipant[] = [];
  const server = await (async () => {
    migrate(scratch.url);
    return startServer({
      name: 'reflectory',
      entry: 'server/src/main.ts',
      env: {
        DATABASE_URL: proxied.toString(),
        ...(values.pool ? { DATABASE_POOL_SIZE: values.pool } : {}),
      },
      readyPath: '/readyz',
    });
  })();
  try {
    write(
      `load average before: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    const [session] = await seedSessions(server.baseUrl, 1, writers + 1, 0, votingModel);
    for (const [i, member] of session!.members.entries())
      people.push(
        new OurParticipant(member, server.baseUrl, {
          commands: true,
          // Held as the browser holds it: carried over the command connection.
          replica: i === 0 || values.replicas ? 'carried' : false,
        }),
      );
    await waitUntil(() => people.every((p) => p.ready), 60_000, 'everyone connected');
    const facilitator = people[0]!;
    const stepId = await goToVotingStage(facilitator);
    await inBatches(people, 5, acceptAgreement);

    const measure = async (
      person: OurParticipant,
      name: string,
      payload: Record<string, unknown>,
    ): Promise<Measured> => {
      // Whatever the previous command left queued (a compaction) settles outside the window.
      await sleep(20);
      counter.take();
      const started = now();
      const { ack } = await person.command(name, payload, 30_000);
      const ms = now() - started;
      if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
      return { ms, counts: counter.take() };
    };

    // S2's notes are named; the stage's default may be anonymous.
    await must(facilitator, 'step:visibility', { stepId, visibility: 'named' });
    const posts: Measured[] = [];
    const count = Number(values.posts);
    for (let i = 0; i < count; i += 1) {
      const person = people[1 + (i % writers)]!;
      posts.push(await measure(person, 'note:add', { areaId: stepId, text: `note ${i}` }));
    }
    write(summary('note:add (shown)', posts));

    const hiddenPosts: Measured[] = [];
    const reveals: Measured[] = [];
    for (let round = 0; round < Number(values.reveals); round += 1) {
      if (round > 0) await must(facilitator, 'step:rerun', {});
      await must(facilitator, 'step:visibility', { stepId, visibility: 'hidden' });
      const hidden = Number(values.hidden);
      for (let i = 0; i < hidden; i += 1) {
        const person = people[1 + (i % writers)]!;
        hiddenPosts.push(
          await measure(person, 'note:add', { areaId: stepId, text: `hidden ${round}.${i}` }),
        );
      }
      reveals.push(await measure(facilitator, 'step:reveal', { stepId }));
    }
    write(summary('note:add (hidden)', hiddenPosts));
    write(summary(`step:reveal of ${values.hidden}`, reveals));
    write(
      `load average after: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    for (const person of people) person.close();
    await server.stop();
    await counter.close();
    await scratch.drop().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:commands failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
