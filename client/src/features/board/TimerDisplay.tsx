import type { BoardTimerView } from '@reflectory/shared';
import { useId } from 'react';
import { formatCountdown, timeLeftMs } from './countdown.ts';
import { useServerNow } from './use-server-clock.ts';

const statusText: Record<BoardTimerView['status'], string> = {
  idle: 'Not started',
  running: 'Running',
  paused: 'Paused',
  expired: 'Time is up',
};

/**
 * The step's countdown for everyone, from the deadline in server time. It is a `timer` region,
 * which screen readers do not read out at each tick; the expiry is announced once elsewhere.
 */
export function TimerDisplay({ timer, offset }: { timer: BoardTimerView; offset: number }) {
  const labelId = useId();
  const serverNow = useServerNow(offset, timer.status === 'running');
  const left = timeLeftMs(timer, serverNow);
  return (
    <div className={`timer timer-${timer.status}`} role="group" aria-labelledby={labelId}>
      <p className="timer-label" id={labelId}>
        Time left
      </p>
      {/* A value, not a paragraph: a <p> this large would read as an unmarked heading. */}
      <div className="timer-value" role="timer">
        {formatCountdown(left)}
      </div>
      <p className="timer-status">
        <span className="timer-icon" aria-hidden="true" />
        {statusText[timer.status]}
      </p>
    </div>
  );
}
