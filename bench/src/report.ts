import type { BigRoomResult } from './scenarios/big-room.ts';
import type { ColdJoinResult } from './scenarios/cold-join.ts';
import type { IdleSteadyResult } from './scenarios/idle-steady.ts';

export interface Results {
  ours?: IdleSteadyResult;
  peer?: IdleSteadyResult;
  bigRoom?: BigRoomResult;
  coldJoin?: ColdJoinResult;
}

interface Row {
  scenario: string;
  figure: string;
  target: string;
  ours: number | undefined;
  peer?: number | undefined;
  unit: string;
  /** Whether the target is met; undefined where there is no target. */
  met?: boolean | undefined;
}

const kb = (bytes: number) => bytes / 1024;

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
}

function ratio(ours: number | undefined, peer: number | undefined): string {
  if (ours === undefined || peer === undefined || peer === 0 || Number.isNaN(ours + peer))
    return '';
  return `${(ours / peer).toFixed(2)}×`;
}

function rows(results: Results): Row[] {
  const { ours, peer, coldJoin, bigRoom } = results;
  const out: Row[] = [];
  if (ours) {
    const heap = kb(ours.idle.heapPerParticipant);
    const rss = kb(ours.idle.marginalRssPerParticipant);
    const peerHeap = peer && kb(peer.idle.heapPerParticipant);
    const peerRss = peer && kb(peer.idle.marginalRssPerParticipant);
    out.push(
      {
        scenario: 'S1 idle',
        figure: `heap per participant (${ours.idle.participants} people, ${ours.idle.connections} connections)`,
        target: '≤ 16 KB and ≤ peer',
        ours: heap,
        peer: peerHeap,
        unit: 'KB',
        met: heap <= 16 && (peerHeap === undefined || heap <= peerHeap),
      },
      {
        scenario: 'S1 idle',
        figure: 'heap per participant, second half alone',
        target: '',
        ours: kb(ours.idle.marginalHeapPerParticipant),
        peer: peer && kb(peer.idle.marginalHeapPerParticipant),
        unit: 'KB',
      },
      {
        scenario: 'S1 idle',
        figure: 'RSS per participant, second half alone',
        target: '≤ 64 KB and ≤ peer',
        ours: rss,
        peer: peerRss,
        unit: 'KB',
        met: rss <= 64 && (peerRss === undefined || rss <= peerRss),
      },
      {
        scenario: 'S1 idle',
        figure: 'RSS per participant, all (baseline keeps start-up pages)',
        target: '',
        ours: kb(ours.idle.rssPerParticipant),
        peer: peer && kb(peer.idle.rssPerParticipant),
        unit: 'KB',
      },
      {
        scenario: 'S1 idle',
        figure: 'external (buffers) per participant',
        target: '',
        ours: kb(ours.idle.externalPerParticipant),
        peer: peer && kb(peer.idle.externalPerParticipant),
        unit: 'KB',
      },
    );
  }
  if (ours?.steady) {
    const s = ours.steady;
    const p = peer?.steady;
    const targets: Array<[keyof typeof s.toEveryone, string, (v: number) => boolean]> = [
      ['p50', '≤ 10 ms', (v) => v <= 10],
      ['p95', '', () => true],
      ['p99', '≤ 50 ms and < peer', (v) => v <= 50 && (p === undefined || v < p.toEveryone.p99)],
      ['max', '≤ 250 ms', (v) => v <= 250],
    ];
    for (const [key, target, check] of targets) {
      out.push({
        scenario: 'S2 steady',
        figure: `post → in every other replica, ${key}`,
        target,
        ours: s.toEveryone[key],
        peer: p?.toEveryone[key],
        unit: 'ms',
        met: target === '' ? undefined : check(s.toEveryone[key]),
      });
    }
    for (const key of ['p50', 'p99', 'max'] as const) {
      out.push({
        scenario: 'S2 steady',
        figure: `ack, ${key}`,
        target: '',
        ours: s.ack[key],
        peer: p?.ack[key],
        unit: 'ms',
      });
    }
    out.push(
      {
        scenario: 'S2 steady',
        figure: 'post → one replica (each delivery), p99',
        target: '',
        ours: s.perDelivery.p99,
        peer: p?.perDelivery.p99,
        unit: 'ms',
      },
      {
        scenario: 'S2 steady',
        figure: `notes measured (failed, incomplete: ${s.failed}, ${s.incomplete}${p ? ` / peer ${p.failed}, ${p.incomplete}` : ''})`,
        target: 'none failed',
        ours: s.notes,
        peer: p?.notes,
        unit: '',
        met: s.failed === 0 && s.incomplete === 0,
      },
      {
        scenario: 'S2 steady',
        figure: 'server CPU (share of one core)',
        target: '',
        ours: s.serverCpuShare * 100,
        peer: p && p.serverCpuShare * 100,
        unit: '%',
      },
      {
        scenario: 'S2 steady',
        figure: 'PostgreSQL alone meanwhile: lookup + 3-insert transaction, p50',
        target: '',
        ours: s.databaseFloor.p50,
        peer: p?.databaseFloor.p50,
        unit: 'ms',
      },
      {
        scenario: 'S2 steady',
        figure: 'PostgreSQL alone meanwhile, p99',
        target: '',
        ours: s.databaseFloor.p99,
        peer: p?.databaseFloor.p99,
        unit: 'ms',
      },
      {
        scenario: 'S2 steady',
        figure: 'client core busy (all load-generating threads)',
        target: '',
        ours: s.clientCpuShare * 100,
        peer: p && p.clientCpuShare * 100,
        unit: '%',
      },
      {
        scenario: 'S2 steady',
        figure: 'server event-loop delay, p99',
        target: '',
        ours: s.loopDelayP99Ms,
        peer: p?.loopDelayP99Ms,
        unit: 'ms',
      },
      {
        scenario: 'S2 steady',
        figure: 'server event-loop delay, max',
        target: '',
        ours: s.loopDelayMaxMs,
        peer: p?.loopDelayMaxMs,
        unit: 'ms',
      },
      {
        scenario: 'S2 steady',
        figure: 'server GC pauses, longest',
        target: '',
        ours: s.gcMaxMs,
        peer: p?.gcMaxMs,
        unit: 'ms',
      },
      {
        scenario: 'S2 steady',
        figure: 'server GC pauses, total over the window',
        target: '',
        ours: s.gcTotalMs,
        peer: p?.gcTotalMs,
        unit: 'ms',
      },
    );
  }
  if (bigRoom && 'skipped' in bigRoom) {
    out.push({
      scenario: 'S3 big room',
      figure: `skipped: ${bigRoom.skipped}`,
      target: '',
      ours: undefined,
      unit: '',
    });
  } else if (bigRoom) {
    out.push(
      {
        scenario: 'S3 big room',
        figure: `reveal complete at all ${bigRoom.people}`,
        target: '≤ 500 ms',
        ours: bigRoom.revealMs,
        unit: 'ms',
        met: bigRoom.revealMs <= 500,
      },
      {
        scenario: 'S3 big room',
        figure: 'reveal acknowledged to the facilitator',
        target: '',
        ours: bigRoom.revealAckMs,
        unit: 'ms',
      },
      {
        scenario: 'S3 big room',
        figure: 'reveal complete at the first client',
        target: '',
        ours: bigRoom.firstRevealMs,
        unit: 'ms',
      },
      {
        scenario: 'S3 big room',
        figure: `${bigRoom.people} votes within 1 s: vote → ack, p99`,
        target: '≤ 250 ms',
        ours: bigRoom.voteAck.p99,
        unit: 'ms',
        met: bigRoom.voteAck.p99 <= 250,
      },
      {
        scenario: 'S3 big room',
        figure: `voting closed → full tally at all ${bigRoom.people}`,
        target: '≤ 250 ms',
        ours: bigRoom.tallyMs,
        unit: 'ms',
        met: bigRoom.tallyMs <= 250,
      },
    );
  }
  if (coldJoin) {
    const cold = coldJoin.afterRestart;
    out.push(
      {
        scenario: 'S4 cold join',
        figure: `join → complete replica (${coldJoin.notes} notes, ${(coldJoin.documentBytes / 1024).toFixed(0)} KB), p95 of ${coldJoin.sequential.count} one by one`,
        target: '≤ 300 ms',
        ours: coldJoin.sequential.p95,
        unit: 'ms',
        met: coldJoin.sequential.p95 <= 300,
      },
      {
        scenario: 'S4 cold join',
        figure: `same, ${coldJoin.burst.count} at once, p95`,
        target: '',
        ours: coldJoin.burst.p95,
        unit: 'ms',
      },
      {
        scenario: 'S4 cold join',
        figure: `first join after a restart (room loads from PostgreSQL), max of ${cold.length}`,
        target: '',
        ours: cold.length > 0 ? Math.max(...cold) : undefined,
        unit: 'ms',
      },
    );
  }
  return out;
}

/** The results as a Markdown table, ready for docs/benchmarks.md. */
export function renderTable(results: Results): string {
  const withPeer = results.peer !== undefined;
  const header = withPeer
    ? '| scenario | figure | target | ours | peer | ours/peer | met |\n|---|---|---|---:|---:|---:|:-:|'
    : '| scenario | figure | target | ours | met |\n|---|---|---|---:|:-:|';
  const lines = rows(results).map((row) => {
    const met = row.met === undefined ? '' : row.met ? 'yes' : '**no**';
    const cells = [row.scenario, row.figure, row.target, format(row.ours, row.unit)];
    if (withPeer)
      cells.push(
        row.peer === undefined ? '' : format(row.peer, row.unit),
        ratio(row.ours, row.peer),
      );
    cells.push(met);
    return `| ${cells.join(' | ')} |`;
  });
  return [header, ...lines].join('\n');
}
