import { useSyncExternalStore } from 'react';
import type { ExternalStore } from './external-store.ts';

/** Renders from an ExternalStore, again whenever its value changes. */
export function useExternalStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
