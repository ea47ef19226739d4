import type {
  Ack,
  ClientToServerEvents,
  CommandName,
  CommandResults,
  ServerToClientEvents,
} from '@reflectory/shared';
import { io, type Socket } from 'socket.io-client';
import type { CommandPayload, CommandTransport } from './outbox.ts';

export type CommandSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The Socket.IO connection that carries commands for one session. Same origin, so the browser
 * sends the device cookie with the handshake; nothing secret goes in the URL or in `auth`.
 */
export function openCommandSocket(sessionId: string): CommandSocket {
  return io({
    path: '/socket.io/',
    auth: { sessionId },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
}

type AckEmitter = (
  name: CommandName,
  payload: unknown,
  callback: (timeout: Error | null, ack: Ack<unknown>) => void,
) => void;

export function socketTransport(socket: CommandSocket): CommandTransport {
  return {
    get connected() {
      return socket.connected;
    },
    send<K extends CommandName>(name: K, payload: CommandPayload<K>, timeoutMs: number) {
      return new Promise<Ack<CommandResults[K]>>((resolve, reject) => {
        // Socket.IO's typings cannot follow a command name that is a type parameter, so the
        // correlation between name, payload and ack is checked by the signature of `send` instead.
        const timed = socket.timeout(timeoutMs);
        const emit = timed.emit as unknown as AckEmitter;
        emit.call(timed, name, payload, (timeout, ack) => {
          if (timeout) reject(timeout);
          else resolve(ack as Ack<CommandResults[K]>);
        });
      });
    },
    onConnect(listener) {
      socket.on('connect', listener);
      return () => {
        socket.off('connect', listener);
      };
    },
  };
}
