/** One round trip of `time:sync`: when it left, what the server said, when the answer came. */
export interface ClockSample {
  sentAt: number;
  serverNow: number;
  receivedAt: number;
}

/**
 * How far the server's clock is ahead of this one, from one round trip: the server read its clock
 * roughly half-way through, so offset = serverNow − (sentAt + receivedAt) / 2.
 */
export function offsetOf(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

/**
 * The offset from the sample with the shortest round trip, whose midpoint guess is the tightest
 * (its error is at most half its round trip). Undefined without a usable sample.
 */
export function bestOffset(samples: readonly ClockSample[]): number | undefined {
  let best: ClockSample | undefined;
  for (const sample of samples) {
    const roundTrip = sample.receivedAt - sample.sentAt;
    if (!Number.isFinite(roundTrip) || roundTrip < 0 || !Number.isFinite(sample.serverNow))
      continue;
    if (!best || roundTrip < best.receivedAt - best.sentAt) best = sample;
  }
  return best ? Math.round(offsetOf(best)) : undefined;
}
