import type { BoardTimerView } from '@reflectory/shared';

/**
 * Time left on the timer at `serverNow` (this browser's clock corrected for skew): counted down
 * from the deadline while running, the stored remainder while idle or paused, none once expired.
 */
export function timeLeftMs(timer: BoardTimerView, serverNow: number): number {
  switch (timer.status) {
    case 'running':
      return timer.deadline === null ? timer.remainingMs : Math.max(0, timer.deadline - serverNow);
    case 'expired':
      return 0;
    case 'idle':
    case 'paused':
      return Math.max(0, timer.remainingMs);
  }
}

/**
 * "4:05", "0:09", "1:02:00". Whole seconds rounded up, so a timer shows 0:00 only when it is
 * really over and a fresh five-minute timer starts at 5:00, not 4:59.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** The same time in words, for screen readers and for announcements: "4 minutes 5 seconds". */
export function describeDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds > 0 || minutes === 0)
    parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

/** Minutes for a step's timebox, as people say it: "5 min", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
