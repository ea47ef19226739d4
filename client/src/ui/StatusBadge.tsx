import type { ReactNode } from 'react';

export type StatusTone = 'ok' | 'busy' | 'warning' | 'error';

/** A short, polite status in words; the dot's colour only repeats what the words say. */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return (
    <p role="status" className={`status-badge status-${tone}`}>
      <span className="status-dot" aria-hidden="true" />
      {children}
    </p>
  );
}
