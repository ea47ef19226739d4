export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  | { kind: 'offline' }
  /** The server refused this browser for good (e.g. removed from the session); no retry helps. */
  | { kind: 'stopped'; message: string };

export interface ConnectionSignals {
  online: boolean;
  commandsConnected: boolean;
  /** The board replica is connected and has caught up with the server. */
  boardSynced: boolean;
  /** Both connections have been up together at least once since the page loaded. */
  wasConnected: boolean;
  stopped: string | undefined;
}

/**
 * One status for people, from the browser's network state and both connections: connected only
 * when commands can be sent and the board is current.
 */
export function combineConnectionStatus(signals: ConnectionSignals): ConnectionStatus {
  if (signals.stopped !== undefined) return { kind: 'stopped', message: signals.stopped };
  if (!signals.online) return { kind: 'offline' };
  if (signals.commandsConnected && signals.boardSynced) return { kind: 'connected' };
  return signals.wasConnected ? { kind: 'reconnecting' } : { kind: 'connecting' };
}

export function sameStatus(a: ConnectionStatus, b: ConnectionStatus): boolean {
  return (
    a.kind === b.kind && (a.kind !== 'stopped' || b.kind !== 'stopped' || a.message === b.message)
  );
}
