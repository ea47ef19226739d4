import { bestOffset, type ClockSample } from './clock-skew.ts';
import type { CommandSocket } from './command-socket.ts';

/**
 * Asks the server for its clock a few times over `socket` and returns how far it is ahead of
 * this one (undefined if it never answered). Timers are deadlines in server time; a browser
 * whose clock is off by a minute would otherwise show everyone a different countdown.
 */
export async function measureClockOffset(
  socket: CommandSocket,
  samples = 3,
): Promise<number | undefined> {
  const taken: ClockSample[] = [];
  for (let index = 0; index < samples && socket.connected; index += 1) {
    const sentAt = Date.now();
    try {
      const { serverNow } = await socket.timeout(5000).emitWithAck('time:sync', {});
      taken.push({ sentAt, serverNow, receivedAt: Date.now() });
    } catch {
      break;
    }
  }
  return bestOffset(taken);
}
