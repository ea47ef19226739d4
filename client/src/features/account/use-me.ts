import type { User } from '@reflectory/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { fetchCurrentUser } from '../../api/account-api.ts';

/**
 * Who is signed in on this browser, shared by every component that asks: `undefined` while the
 * first answer is on its way, `null` for a guest. Sign-in, sign-up, sign-out and account deletion
 * call `setMe` so the header follows at once.
 */
let current: User | null | undefined;
let asked: Promise<void> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setMe(user: User | null): void {
  current = user;
  for (const listener of listeners) listener();
}

/** Asks the server again (e.g. after a 401 says the sign-in ended). */
export function refreshMe(): Promise<void> {
  asked = fetchCurrentUser().then((result) => {
    // An unreachable server leaves what was known; a first failure counts as a guest.
    if (result.ok) setMe(result.data.user);
    else if (current === undefined) setMe(null);
  });
  return asked;
}

export function useMe(): User | null | undefined {
  const user = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    if (!asked) void refreshMe();
  }, []);
  return user;
}
