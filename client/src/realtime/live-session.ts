import {
  DocCloseCode,
  ErrorCode,
  isFacilitating,
  readBoard,
  type BoardView,
  type CommandName,
  type FacilitatorView,
  type Presence,
  type PrivateView,
} from '@reflectory/shared';
import * as Y from 'yjs';
import { closeBoardReplica, openBoardReplica, type BoardReplica } from './board-replica.ts';
import { AnonymousNotes, type KeyValueStorage } from './anonymous-notes.ts';
import { isShownOnBoard } from './command-effects.ts';
import { openCommandSocket, socketTransport, type CommandSocket } from './command-socket.ts';
import {
  combineConnectionStatus,
  sameStatus,
  type ConnectionSignals,
  type ConnectionStatus,
} from './connection-status.ts';
import { ExternalStore } from './external-store.ts';
import { Outbox, type CommandBody } from './outbox.ts';
import { tabOutboxStorage } from './outbox-storage.ts';
import { readRoster } from './roster.ts';
import { measureClockOffset } from './time-sync.ts';

export interface BoardSnapshot {
  view: BoardView;
  /** False until the replica first caught up with the server. */
  loaded: boolean;
}

const emptyBoard: BoardSnapshot = { view: readBoard(new Y.Doc()), loaded: false };

const notInSession = 'You are no longer in this session. Ask its facilitator for the join link.';

function closeMessage(code: number, reason: string): string {
  if (code === DocCloseCode.revoked) return notInSession;
  const why = reason === '' ? `code ${code}` : reason;
  return `The server closed the connection to the board (${why}). Reload the page to try again.`;
}

/**
 * Everything live about one session in this tab: the command connection and its outbox, the
 * board replica and the roster, and one connection status. `start` and `stop` may be called in
 * turn any number of times; the outbox outlives them, so nothing queued is lost.
 */
export class LiveSession {
  readonly outbox: Outbox;
  readonly board = new ExternalStore<BoardSnapshot>(emptyBoard);
  readonly roster = new ExternalStore<readonly Presence[]>([]);
  readonly status = new ExternalStore<ConnectionStatus>({ kind: 'connecting' });
  /** Your own standing (role, agreement, votes, hidden notes), pushed by the server. */
  readonly privateView = new ExternalStore<PrivateView | undefined>(undefined);
  /** For facilitators only: guidance, who has not accepted, hidden-note counts, voting progress. */
  readonly facilitation = new ExternalStore<FacilitatorView | undefined>(undefined);
  /** How far the server's clock is ahead of this browser's, in ms. */
  readonly clockOffset = new ExternalStore<number>(0);
  readonly anonymous: AnonymousNotes;
  private signals: ConnectionSignals;
  private stopRunning: (() => void) | undefined;

  constructor(
    private readonly sessionId: string,
    participantId: string,
  ) {
    this.outbox = new Outbox({ storage: tabOutboxStorage(sessionId, participantId) });
    this.anonymous = new AnonymousNotes(
      sessionId,
      storageOrUndefined(() => localStorage),
      storageOrUndefined(() => sessionStorage),
    );
    this.signals = {
      online: navigator.onLine,
      commandsConnected: false,
      boardSynced: false,
      wasConnected: false,
      stopped: undefined,
    };
  }

  send<K extends CommandName>(name: K, body: CommandBody<K>): string {
    return this.outbox.enqueue(name, body);
  }

  start(): void {
    if (this.stopRunning) return;
    const socket = openCommandSocket(this.sessionId);
    const replica = openBoardReplica(this.sessionId, socket);
    const stops = [this.followBoard(replica), this.followSocket(socket), this.followNetwork()];
    this.outbox.attach(socketTransport(socket));
    this.stopRunning = () => {
      this.outbox.detach();
      for (const stop of stops) stop();
      // The replica rides the socket: close it first, so it does not see a lost connection.
      closeBoardReplica(replica);
      socket.disconnect();
    };
  }

  stop(): void {
    this.stopRunning?.();
    this.stopRunning = undefined;
    this.signal({ commandsConnected: false, boardSynced: false });
  }

  /** Keeps the board and roster snapshots current, and lets the outbox drop what the board shows. */
  private followBoard({ doc, provider }: BoardReplica): () => void {
    const awareness = provider.awareness;
    const refresh = () => {
      const view = readBoard(doc);
      this.board.set({ view, loaded: this.board.get().loaded || provider.synced });
      this.settle();
    };
    const onSync = (synced: boolean) => {
      this.signal({ boardSynced: synced });
      if (synced) refresh();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') this.signal({ boardSynced: false });
    };
    const onClosed = ({ code, reason }: { code: number; reason: string }) =>
      this.signal({ stopped: closeMessage(code, reason) });
    const onPresence = () => this.roster.set(readRoster(awareness));
    const stopSettling = this.outbox.subscribe(() => this.settle());
    const stopSettlingViews = this.privateView.subscribe(() => this.settle());

    doc.on('update', refresh);
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    provider.on('closed', onClosed);
    awareness.on('change', onPresence);
    return () => {
      stopSettling();
      stopSettlingViews();
      doc.off('update', refresh);
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      provider.off('closed', onClosed);
      awareness.off('change', onPresence);
    };
  }

  private followSocket(socket: CommandSocket): () => void {
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let reconnectDelay = 1000;
    // Socket.IO gives up after the server refuses or drops it; refusals that mean "later" are retried.
    const reconnectLater = () => {
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(() => socket.connect(), reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 30_000);
    };

    socket.on('connect', () => {
      reconnectDelay = 1000;
      this.signal({ commandsConnected: true });
      void measureClockOffset(socket).then((offset) => {
        if (offset !== undefined) this.clockOffset.set(offset);
      });
    });
    socket.on('view:private', (view) => {
      this.privateView.set(view);
      if (!isFacilitating(view.role)) this.facilitation.set(undefined);
    });
    socket.on('view:facilitation', (view) => {
      const role = this.privateView.get()?.role;
      if (role === undefined || isFacilitating(role)) this.facilitation.set(view);
    });
    socket.on('disconnect', (reason) => {
      this.signal({ commandsConnected: false });
      if (reason === 'io server disconnect') reconnectLater();
    });
    socket.on('connect_error', (error) => {
      const data: unknown = 'data' in error ? error.data : undefined;
      const refusal = typeof data === 'object' && data !== null ? (data as { code?: unknown }) : {};
      if (refusal.code === ErrorCode.unauthorized) this.signal({ stopped: notInSession });
      else if (!socket.active) reconnectLater();
    });
    socket.on('connection:refused', ({ message }) => this.signal({ stopped: message }));
    return () => {
      clearTimeout(reconnectTimer);
      socket.removeAllListeners();
    };
  }

  /**
   * Keeps the secrets of your anonymous notes once the server has accepted them, then drops from
   * the outbox what the page now shows.
   */
  private settle(): void {
    for (const entry of this.outbox.getSnapshot()) {
      if (entry.state !== 'saved') continue;
      if (entry.name === 'note:add' && entry.payload.secret && entry.result) {
        const { noteId } = entry.result;
        const shown = this.board.get().view.notes.some((note) => note.id === noteId);
        this.anonymous.remember(
          noteId,
          entry.payload.secret,
          shown ? undefined : { stepId: entry.payload.areaId, text: entry.payload.text.trim() },
        );
      } else if (entry.name === 'note:delete') {
        const { noteId } = entry.payload;
        if (!this.board.get().view.notes.some((note) => note.id === noteId)) {
          this.anonymous.forget(noteId);
        }
      }
    }
    const view = this.board.get().view;
    this.anonymous.settle(
      (noteId) => view.notes.some((note) => note.id === noteId),
      (noteId) => Object.hasOwn(view.returned, noteId),
    );
    const elsewhere = {
      hiddenNotes: this.privateView.get()?.hiddenNotes ?? [],
      isAwaiting: (noteId: string) => this.anonymous.isAwaiting(noteId),
    };
    this.outbox.settle((entry) => isShownOnBoard(entry, view, elsewhere));
  }

  private followNetwork(): () => void {
    const onOnline = () => this.signal({ online: true });
    const onOffline = () => this.signal({ online: false });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }

  private signal(change: Partial<ConnectionSignals>): void {
    const next = { ...this.signals, ...change };
    if (next.commandsConnected && next.boardSynced) next.wasConnected = true;
    this.signals = next;
    const status = combineConnectionStatus(next);
    if (!sameStatus(status, this.status.get())) this.status.set(status);
  }
}

/** Web Storage, or undefined where the browser forbids it (some privacy modes throw on access). */
function storageOrUndefined(get: () => Storage): KeyValueStorage | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
