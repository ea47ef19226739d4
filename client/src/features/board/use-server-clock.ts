import { useEffect, useState } from 'react';

/**
 * The server's time now (this browser's clock plus `offset`), refreshed every `everyMs` while
 * `ticking`. A countdown rendered from it agrees across windows within the sync's error.
 */
export function useServerNow(offset: number, ticking: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ticking, everyMs]);
  return now + offset;
}
