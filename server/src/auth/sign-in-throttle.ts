/**
 * Failed sign-ins counted per email, on top of the per-address rate limit: after `maxFailures`
 * failures within `windowMs` of the first, that email is refused until the window ends, whether or
 * not an account has it, so the refusal tells nothing about which emails exist. Kept in memory
 * and bounded: a restart or eviction forgets counts, which only ever gives back attempts the
 * per-address limit still caps.
 */
export interface SignInThrottle {
  /** True while the email has used up its failures for the current window. */
  isBlocked(email: string): boolean;
  recordFailure(email: string): void;
  /** A successful sign-in starts the email afresh. */
  recordSuccess(email: string): void;
}

export interface SignInThrottleOptions {
  maxFailures: number;
  windowMs: number;
  /** How many emails are tracked at most; the oldest windows go first when it is full. */
  maxEntries: number;
  now: () => number;
}

export const defaultSignInThrottle: SignInThrottleOptions = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
  maxEntries: 10_000,
  now: () => Date.now(),
};

interface Window {
  startedAt: number;
  failures: number;
}

export function createSignInThrottle(
  options: Partial<SignInThrottleOptions> = {},
): SignInThrottle & { readonly size: number } {
  const { maxFailures, windowMs, maxEntries, now } = { ...defaultSignInThrottle, ...options };
  // Insertion order is window start order: a window is deleted and re-inserted when it restarts.
  const windows = new Map<string, Window>();

  function current(email: string): Window | undefined {
    const window = windows.get(email);
    if (window && now() - window.startedAt >= windowMs) {
      windows.delete(email);
      return undefined;
    }
    return window;
  }

  function makeRoom(): void {
    const cutoff = now() - windowMs;
    for (const [email, window] of windows) {
      if (windows.size < maxEntries) return;
      if (window.startedAt <= cutoff) windows.delete(email);
    }
    for (const email of windows.keys()) {
      if (windows.size < maxEntries) return;
      windows.delete(email);
    }
  }

  return {
    get size() {
      return windows.size;
    },
    isBlocked(email) {
      return (current(email)?.failures ?? 0) >= maxFailures;
    },
    recordFailure(email) {
      const window = current(email);
      if (window) {
        window.failures += 1;
        return;
      }
      makeRoom();
      windows.set(email, { startedAt: now(), failures: 1 });
    },
    recordSuccess(email) {
      windows.delete(email);
    },
  };
}
