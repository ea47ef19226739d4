import { join } from 'node:path';
import { boardDocKeys, readBoard } from '@reflectory/shared';
import type * as Y from 'yjs';
import { OurParticipant, acceptAgreement, commandExists, noteAreaOf } from '../clients/ours.ts';
import { startOurServer, type Context } from '../context.ts';
import { seedSessions } from '../seed.ts';
import { distribution, inBatches, now, sleep, waitUntil, type Distribution } from '../stats.ts';

export type BigRoomResult =
  | { skipped: string }
  | {
      people: number;
      revealAckMs: number;
      firstRevealMs: number;
      revealMs: number;
      voteAck: Distribution;
      tallyMs: number;
    };

const revealCommand = ['step:reveal', 'stage:reveal'].find(commandExists);

/** Why S3 cannot run against this protocol, or undefined when it can. */
export function bigRoomUnavailable(): string | undefined {
  if (revealCommand === undefined || !commandExists('vote:cast') || !commandExists('voting:open'))
    return 'needs hidden notes and voting';
  return undefined;
}

/** Votes a replica shows for a step, all notes together (`boardDocKeys.tallies`). */
function totalVotes(doc: Y.Doc, stepId: string): number {
  const key = (boardDocKeys as Record<string, string>).tallies ?? 'tallies';
  const tally = doc.getMap<{ counts?: Record<string, number> }>(key).get(stepId);
  return Object.values(tally?.counts ?? {}).reduce((sum, n) => sum + n, 0);
}

export const votingModel = 'after-action-review';

/** Moves the room to the first stage where voting applies, and returns its id. */
export async function goToVotingStage(facilitator: OurParticipant): Promise<string> {
  const board = readBoard(facilitator.doc) as {
    steps?: Array<{ id: string; kind?: string; voting?: boolean }>;
  };
  const stepIndex = (board.steps ?? []).findIndex((s) => s.kind === 'stage' && s.voting);
  const step = board.steps?.[stepIndex];
  if (!step) throw new Error(`the ${votingModel} model has no stage with voting`);
  await must(facilitator, 'step:go', { stepIndex });
  await waitUntil(() => noteAreaOf(facilitator.doc) === step.id, 5_000, 'the voting stage');
  return step.id;
}

async function must(person: OurParticipant, name: string, payload: Record<string, unknown>) {
  const { ack } = await person.command(name, payload, 30_000);
  if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack.error)}`);
  return ack.data as Record<string, unknown> | undefined;
}

/**
 * S3: one session of 200. Everyone posts a note into a hidden step; the facilitator reveals them
 * (time until all 200 replicas hold all 200); then voting opens and everyone casts one vote, all
 * within one second (each vote's ack), and the facilitator closes voting (time until every replica
 * shows the full tally: the protocol publishes counts at close, never during voting).
 */
export async function runBigRoom(context: Context): Promise<BigRoomResult> {
  const unavailable = bigRoomUnavailable();
  if (unavailable) return { skipped: unavailable };
  const size = context.scale.bigRoom;
  const server = await startOurServer(context);
  const people: OurParticipant[] = [];
  try {
    // A model with a stage that takes votes: notes are hidden there, revealed, then voted on.
    const [session] = await seedSessions(server.baseUrl, 1, size, 20_000, votingModel);
    for (const member of session!.members)
      people.push(
        new OurParticipant(member, server.baseUrl, { commands: true, replica: 'carried' }),
      );
    await waitUntil(() => people.every((p) => p.ready), 120_000, 'the big room connected');
    const facilitator = people[0]!;
    const stepId = await goToVotingStage(facilitator);
    await inBatches(people, 20, acceptAgreement);
    // 200 accepts spend the session's command budget (burst 200, 100 a second): let it refill
    // before the notes, and again before the votes, which are meant to come within one second.
    await sleep(2_000);
    await must(facilitator, 'step:visibility', { stepId, visibility: 'hidden' });

    const noteIds = await inBatches(people, 20, async (person, i) => {
      const data = await must(person, 'note:add', { areaId: stepId, text: `hidden note ${i}` });
      return String(data?.noteId);
    });
    const notesOf = (p: OurParticipant) => p.doc.getMap(boardDocKeys.notes);
    if (context.profile) await server.profileStart();
    const started = now();
    await must(facilitator, revealCommand!, { stepId });
    const revealAckMs = now() - started;
    // The first complete replica says when the server had sent it; the rest is the clients' core
    // applying the same update 200 times.
    await waitUntil(() => people.some((p) => notesOf(p).size >= size), 30_000, 'reveal', 1);
    const firstRevealMs = now() - started;
    await waitUntil(() => people.every((p) => notesOf(p).size >= size), 30_000, 'reveal', 1);
    const revealMs = now() - started;
    if (context.profile)
      await server.profileStop(join(context.profileDir, 's3-reveal-ours.cpuprofile'));

    await must(facilitator, 'voting:open', { stepId, budget: 1, maxPerNote: 1 });
    await sleep(2_000);
    // [V6] Counts are published when voting closes; until then each voter sees only their own.
    const votes = await Promise.all(
      people.map(async (person, i) => {
        await sleep((i / size) * 1000);
        const { ack, ms } = await person.command('vote:cast', { noteId: noteIds[(i + 1) % size] });
        if (!ack.ok) throw new Error(`vote:cast refused: ${JSON.stringify(ack.error)}`);
        return ms;
      }),
    );
    const closed = now();
    await must(facilitator, 'voting:close', { stepId });
    await waitUntil(
      () => people.every((p) => totalVotes(p.doc, stepId) >= size),
      30_000,
      'every replica to show the tally',
      1,
    );
    const tallyMs = now() - closed;
    const voteAck = distribution(votes);
    return { people: size, revealAckMs, firstRevealMs, revealMs, voteAck, tallyMs };
  } finally {
    for (const person of people) person.close();
    await server.stop();
  }
}
