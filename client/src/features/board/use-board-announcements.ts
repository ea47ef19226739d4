import { useEffect, useState } from 'react';
import type { LiveSession } from '../../realtime/live-session.ts';
import type { Announcement } from '../../ui/Announcer.tsx';
import { announcementFor } from './save-announcements.ts';

/**
 * The latest thing worth saying out loud on the board: the outcome of this person's own changes,
 * and the session ending. Other people's notes are not announced, which would drown the room.
 */
export function useBoardAnnouncements(live: LiveSession): Announcement | undefined {
  const [announcement, setAnnouncement] = useState<Announcement>();
  useEffect(() => {
    const announce = (text: string) =>
      setAnnouncement((last) => ({ text, serial: (last?.serial ?? 0) + 1 }));
    let entries = live.outbox.getSnapshot();
    let board = live.board.get();
    const stopOutbox = live.outbox.subscribe(() => {
      const next = live.outbox.getSnapshot();
      const text = announcementFor(entries, next);
      entries = next;
      if (text) announce(text);
    });
    const stopBoard = live.board.subscribe(() => {
      const next = live.board.get();
      if (board.loaded && board.view.status === 'open' && next.view.status === 'closed') {
        announce('This session has ended. Notes can no longer be added or changed.');
      }
      board = next;
    });
    return () => {
      stopOutbox();
      stopBoard();
    };
  }, [live]);
  return announcement;
}
