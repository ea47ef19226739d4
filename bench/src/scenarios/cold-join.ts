import { boardDocKeys } from '@reflectory/shared';
import * as Y from 'yjs';
import { OurParticipant, acceptAgreement, noteAreaOf, openForNotes } from '../clients/ours.ts';
import { startOurServer, type Context } from '../context.ts';
import { seedSessions, type Member } from '../seed.ts';
import type { ServerUnderTest } from '../servers/process.ts';
import { distribution, inBatches, now, sleep, waitUntil, type Distribution } from '../stats.ts';

export interface ColdJoinResult {
  notes: number;
  documentBytes: number;
  /** Joins one after another into a room that is in memory. */
  sequential: Distribution;
  /** Joins all at once. */
  burst: Distribution;
  /** The first join after a server restart, when the room loads from PostgreSQL. */
  afterRestart: number[];
}

const filler = 'The handover was rushed and two people were not told about the change to the rota.';

/** Time from opening both connections to a replica holding every note, with commands usable. */
async function timedJoin(baseUrl: string, member: Member, notes: number): Promise<number> {
  const started = now();
  const person = new OurParticipant(member, baseUrl, { commands: true, replica: 'carried' });
  const map = person.doc.getMap(boardDocKeys.notes);
  try {
    await waitUntil(() => person.ready && map.size >= notes, 60_000, 'a complete replica', 1);
    return now() - started;
  } finally {
    person.close();
  }
}

async function fillBoard(
  server: ServerUnderTest,
  writers: Member[],
  facilitator: Member,
  total: number,
) {
  const host = new OurParticipant(facilitator, server.baseUrl, {
    commands: true,
    replica: 'carried',
  });
  const people = writers.map(
    (m) => new OurParticipant(m, server.baseUrl, { commands: true, replica: false }),
  );
  try {
    await waitUntil(() => host.ready && people.every((p) => p.ready), 30_000, 'writers ready');
    await openForNotes(host);
    await Promise.all(people.map(acceptAgreement));
    await sleep(100);
    const areaId = noteAreaOf(host.doc);
    const each = Math.ceil(total / people.length);
    // Under the session's command budget (100 a second, docs/protocol.md §1) whatever the number
    // of writers: 80 a second in all, and at most 15 a second each.
    const pauseMs = Math.max(66, Math.ceil((1000 * people.length) / 80));
    await Promise.all(
      people.map(async (person, w) => {
        for (let i = 0; i < each && w * each + i < total; i += 1) {
          const { ack } = await person.command('note:add', {
            areaId,
            text: `${filler} (${w}-${i})`,
          });
          if (!ack.ok) throw new Error(`filling the board: ${JSON.stringify(ack.error)}`);
          await sleep(pauseMs);
        }
      }),
    );
    const notes = host.doc.getMap(boardDocKeys.notes);
    await waitUntil(() => notes.size >= total, 30_000, 'the board to hold every note');
    return Y.encodeStateAsUpdate(host.doc).byteLength;
  } finally {
    host.close();
    for (const person of people) person.close();
  }
}

/** S4: a board holding 2,000 notes; how long a newcomer waits for a complete replica. */
export async function runColdJoin(context: Context): Promise<ColdJoinResult> {
  const { scale } = context;
  let server = await startOurServer(context);
  try {
    const joiners = scale.sequentialJoins + scale.burstJoins + scale.coldJoins;
    const [session] = await seedSessions(server.baseUrl, 1, 1 + scale.writers + joiners, 10_000);
    const [facilitator, ...rest] = session!.members;
    const writers = rest.slice(0, scale.writers);
    const waiting = rest.slice(scale.writers);
    context.log(`  filling a board with ${scale.boardNotes} notes`);
    const documentBytes = await fillBoard(server, writers, facilitator!, scale.boardNotes);

    const sequential: number[] = [];
    for (const member of waiting.splice(0, scale.sequentialJoins))
      sequential.push(await timedJoin(server.baseUrl, member, scale.boardNotes));
    const burst = await inBatches(waiting.splice(0, scale.burstJoins), scale.burstJoins, (m) =>
      timedJoin(server.baseUrl, m, scale.boardNotes),
    );
    const afterRestart: number[] = [];
    for (const member of waiting.splice(0, scale.coldJoins)) {
      await server.stop();
      server = await startOurServer(context);
      afterRestart.push(await timedJoin(server.baseUrl, member, scale.boardNotes));
    }
    return {
      notes: scale.boardNotes,
      documentBytes,
      sequential: distribution(sequential),
      burst: distribution(burst),
      afterRestart,
    };
  } finally {
    await server.stop();
  }
}
