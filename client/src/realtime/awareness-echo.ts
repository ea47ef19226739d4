import type { WebsocketProvider } from 'y-websocket';

/**
 * Stops a read-only replica's provider from sending awareness. y-websocket sends every awareness
 * change it sees, remote ones included, so each client echoed the whole room's presence back to the
 * server whenever anyone came or went: O(people²) bytes per change, all dropped by the server
 * (presence is the server's to set), and the last echo stayed referenced by the server's WebSocket
 * receiver (about 2 KB per idle participant in bench S1). Our clients claim no presence, so they
 * have nothing to send. Presence still arrives and is applied as before.
 */
export function stopAwarenessEcho(provider: WebsocketProvider): void {
  provider.awareness.off('update', provider._awarenessUpdateHandler);
}
