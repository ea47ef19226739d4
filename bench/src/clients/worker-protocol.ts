import type { Member } from '../seed.ts';
import type { ParticipantOptions } from './ours.ts';

export type ServerKind = 'ours' | 'peer';

export type WorkerRequest =
  | {
      type: 'connect';
      kind: ServerKind;
      /** Our server's http:// base, or the peer's ws:// address. */
      url: string;
      members: Member[];
      options: ParticipantOptions;
      concurrency: number;
    }
  | { type: 'prepare' }
  | { type: 'status' }
  | {
      type: 'steady';
      /** Each session posts one note per `intervalMs`, starting `offsets[sessionIndex]` ms in. */
      intervalMs: number;
      offsets: Record<number, number>;
      warmupMs: number;
      durationMs: number;
      drainMs: number;
    }
  | { type: 'doc-state'; sessionIndex: number }
  | { type: 'close' };

export interface NoteRecord {
  sentAt: number;
  /** Post to ack; undefined when the post failed or was never acknowledged. */
  ackMs: number | undefined;
  error: string | undefined;
  expected: number;
  received: number;
  /** Post to presence in the last of the other participants' replicas. */
  allMs: number | undefined;
}

export interface SteadyResult {
  notes: NoteRecord[];
  /** Post to presence, for every (note, other participant) pair. */
  deliveries: number[];
  /** Notes posted during the warm-up, not measured. */
  warmupNotes: number;
}

export type WorkerReply =
  | { type: 'connected'; ms: number; count: number }
  | { type: 'prepared' }
  | { type: 'status'; ready: number; total: number }
  | { type: 'steady'; result: SteadyResult }
  | { type: 'doc-state'; state: Uint8Array }
  | { type: 'closed' }
  | { type: 'error'; message: string };
