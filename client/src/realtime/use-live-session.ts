import { useEffect, useState } from 'react';
import { LiveSession } from './live-session.ts';

/**
 * The live connections of one session for as long as the calling component is mounted. Give the
 * component a `key` of the session and participant: a new pair needs a new LiveSession.
 */
export function useLiveSession(sessionId: string, participantId: string): LiveSession {
  const [live] = useState(() => new LiveSession(sessionId, participantId));
  useEffect(() => {
    live.start();
    return () => live.stop();
  }, [live]);
  return live;
}
