import {
  ErrorCode,
  commandSchemas,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type CommandResults,
} from '@reflectory/shared';
import { newCommandId } from './command-id.ts';
import { ExternalStore } from './external-store.ts';

export type CommandPayload<K extends CommandName> = Parameters<ClientToServerEvents[K]>[0];
export type CommandBody<K extends CommandName> = Omit<CommandPayload<K>, 'commandId'>;
export interface CommandError {
  code: ErrorCode;
  message: string;
}

/** How a command goes up: a connection that may come and go, and an acked send. */
export interface CommandTransport {
  readonly connected: boolean;
  /** Resolves with the server's ack; rejects when none came within `timeoutMs`. */
  send<K extends CommandName>(
    name: K,
    payload: CommandPayload<K>,
    timeoutMs: number,
  ): Promise<Ack<CommandResults[K]>>;
  /** Calls `listener` each time the connection is (re)established. */
  onConnect(listener: () => void): () => void;
}

/** Where unacknowledged commands wait out a reload of the page. */
export interface OutboxStorage {
  load(): unknown;
  save(entries: unknown): void;
}

/**
 * - `pending`: not acknowledged yet; it is being sent, waits for the connection, or waits to be
 *   retried. `error` then holds the last transient refusal (e.g. `unavailable`).
 * - `failed`: the server refused it for good; kept, with the text, until the person retries or
 *   discards it.
 * - `saved`: acknowledged, kept until the board shows the change, so nothing flickers.
 */
export type OutboxState = 'pending' | 'failed' | 'saved';

interface EntryFields<K extends CommandName> {
  name: K;
  commandId: string;
  payload: CommandPayload<K>;
  state: OutboxState;
  error: CommandError | undefined;
  result: CommandResults[K] | undefined;
  attempts: number;
}

export type OutboxEntry = { [K in CommandName]: EntryFields<K> }[CommandName];

export interface OutboxOptions {
  storage?: OutboxStorage | undefined;
  ackTimeoutMs?: number;
  /** Delay before the nth retry of a command the server could not take yet. */
  retryDelayMs?: (attempt: number) => number;
}

/** These refusals say "not now", not "no": the same command is sent again later. */
const transientCodes: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.unavailable,
  ErrorCode.rateLimited,
]);

export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(Math.max(attempt - 1, 0), 5));
}

/**
 * Commands the person has made and the server has not acknowledged yet. Each keeps its command id
 * for life, so a retry after a lost ack or a reconnect is applied by the server at most once.
 * Unacknowledged commands are sent again whenever the connection comes back.
 */
export class Outbox {
  private readonly store: ExternalStore<readonly OutboxEntry[]>;
  private transport: CommandTransport | undefined;
  private stopListening: (() => void) | undefined;
  /** The attempt each command id is waiting on; only that attempt's timeout counts. */
  private readonly inFlight = new Map<string, number>();
  private attemptCount = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly ackTimeoutMs: number;
  private readonly retryDelayMs: (attempt: number) => number;

  constructor(private readonly options: OutboxOptions = {}) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
    this.store = new ExternalStore<readonly OutboxEntry[]>(restore(options.storage?.load()));
  }

  readonly subscribe = (listener: () => void) => this.store.subscribe(listener);
  readonly getSnapshot = (): readonly OutboxEntry[] => this.store.get();

  /** Sends through `transport` from now on, starting with everything still unacknowledged. */
  attach(transport: CommandTransport): void {
    this.detach();
    this.transport = transport;
    this.stopListening = transport.onConnect(() => this.flush());
    this.flush();
  }

  detach(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    this.transport = undefined;
    this.inFlight.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Queues a command under a new command id and sends it as soon as it can; returns the id. */
  enqueue<K extends CommandName>(name: K, body: CommandBody<K>): string {
    const commandId = newCommandId();
    const payload = { ...body, commandId } as CommandPayload<K>;
    const entry = {
      name,
      commandId,
      payload,
      state: 'pending',
      error: undefined,
      result: undefined,
      attempts: 0,
    } as OutboxEntry;
    this.write([...this.getSnapshot(), entry]);
    this.transmit(commandId);
    return commandId;
  }

  /** Sends a refused command again, under its own command id. */
  retry(commandId: string): void {
    const entry = this.find(commandId);
    if (!entry || entry.state !== 'failed') return;
    this.update(commandId, { state: 'pending', error: undefined, attempts: 0 });
    this.transmit(commandId);
  }

  /** Forgets a refused command; one still on its way cannot be taken back. */
  discard(commandId: string): void {
    const entry = this.find(commandId);
    if (!entry || entry.state !== 'failed') return;
    this.write(this.getSnapshot().filter((candidate) => candidate.commandId !== commandId));
  }

  /** Drops acknowledged commands whose effect the board now shows. */
  settle(isVisible: (entry: OutboxEntry) => boolean): void {
    const entries = this.getSnapshot();
    const kept = entries.filter((entry) => entry.state !== 'saved' || !isVisible(entry));
    if (kept.length !== entries.length) this.write(kept);
  }

  /**
   * Sends every unacknowledged command, those in flight included: an ack owed on a connection
   * that dropped will never come, and the server answers a repeated command id from its receipt.
   */
  private flush(): void {
    for (const entry of this.getSnapshot()) {
      if (entry.state !== 'pending') continue;
      this.clearTimer(entry.commandId);
      this.inFlight.delete(entry.commandId);
      this.transmit(entry.commandId);
    }
  }

  private transmit(commandId: string): void {
    const entry = this.find(commandId);
    const transport = this.transport;
    if (!entry || entry.state !== 'pending' || this.inFlight.has(commandId)) return;
    // Sent only while connected: the connect listener sends it once the connection is back.
    if (!transport?.connected) return;
    const attempt = (this.attemptCount += 1);
    this.inFlight.set(commandId, attempt);
    this.update(commandId, { attempts: entry.attempts + 1 });
    transport.send(entry.name, entry.payload, this.ackTimeoutMs).then(
      (ack) => {
        if (this.transport !== transport) return;
        const latest = this.inFlight.get(commandId) === attempt;
        if (latest || ack.ok || !transientCodes.has(ack.error.code)) {
          this.inFlight.delete(commandId);
          this.receive(commandId, ack);
        }
      },
      () => {
        if (this.transport !== transport || this.inFlight.get(commandId) !== attempt) return;
        this.inFlight.delete(commandId);
        this.scheduleRetry(commandId);
      },
    );
  }

  private receive(commandId: string, ack: Ack<unknown>): void {
    const entry = this.find(commandId);
    if (!entry || entry.state !== 'pending') return;
    if (ack.ok) {
      this.update(commandId, { state: 'saved', error: undefined, result: ack.data });
    } else if (transientCodes.has(ack.error.code)) {
      this.update(commandId, { error: ack.error });
      this.scheduleRetry(commandId);
    } else {
      this.update(commandId, { state: 'failed', error: ack.error });
    }
  }

  private scheduleRetry(commandId: string): void {
    const entry = this.find(commandId);
    if (!entry || entry.state !== 'pending') return;
    this.clearTimer(commandId);
    const timer = setTimeout(() => {
      this.timers.delete(commandId);
      this.transmit(commandId);
    }, this.retryDelayMs(entry.attempts));
    this.timers.set(commandId, timer);
  }

  private clearTimer(commandId: string): void {
    const timer = this.timers.get(commandId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(commandId);
  }

  private find(commandId: string): OutboxEntry | undefined {
    return this.getSnapshot().find((entry) => entry.commandId === commandId);
  }

  private update(
    commandId: string,
    change: Partial<Pick<OutboxEntry, 'state' | 'error' | 'attempts'>> & { result?: unknown },
  ): void {
    this.write(
      this.getSnapshot().map((entry) =>
        entry.commandId === commandId ? ({ ...entry, ...change } as OutboxEntry) : entry,
      ),
    );
  }

  private write(entries: readonly OutboxEntry[]): void {
    this.store.set(entries);
    this.options.storage?.save(
      entries
        .filter((entry) => entry.state !== 'saved')
        .map(({ name, payload, state, error }) => ({ name, payload, state, error })),
    );
  }
}

/** Rebuilds entries saved before a reload, keeping only those that still parse. */
function restore(saved: unknown): OutboxEntry[] {
  if (!Array.isArray(saved)) return [];
  const entries: OutboxEntry[] = [];
  for (const item of saved as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { name, payload, state, error } = item as Record<string, unknown>;
    if (typeof name !== 'string' || !(name in commandSchemas)) continue;
    const parsed = commandSchemas[name as CommandName].safeParse(payload);
    if (!parsed.success) continue;
    entries.push({
      name,
      commandId: parsed.data.commandId,
      payload: parsed.data,
      state: state === 'failed' ? 'failed' : 'pending',
      error: isCommandError(error) ? error : undefined,
      result: undefined,
      attempts: 0,
    } as OutboxEntry);
  }
  return entries;
}

function isCommandError(value: unknown): value is CommandError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && (Object.values(ErrorCode) as unknown[]).includes(code);
}
