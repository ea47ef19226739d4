import { useEffect, useState } from 'react';
import type { LiveSession } from '../../realtime/live-session.ts';
import type { Announcement } from '../../ui/Announcer.tsx';
import { boardAnnouncement, privateAnnouncement } from './board-announcements.ts';
import { announcementFor } from './save-announcements.ts';

/**
 * The latest thing worth saying out loud on the board: the outcome of this person's own changes,
 * and changes to the session that concern everyone (step, timer, voting, lock, end). Other
 * people's notes are not announced, which would drown the room.
 */
export function useBoardAnnouncements(live: LiveSession): Announcement | undefined {
  const [announcement, setAnnouncement] = useState<Announcement>();
  useEffect(() => {
    const announce = (text: string) =>
      setAnnouncement((last) => ({ text, serial: (last?.serial ?? 0) + 1 }));
    let entries = live.outbox.getSnapshot();
    let board = live.board.get();
    let mine = live.privateView.get();
    const stopOutbox = live.outbox.subscribe(() => {
      const next = live.outbox.getSnapshot();
      const text = announcementFor(entries, next);
      entries = next;
      if (text) announce(text);
    });
    const stopBoard = live.board.subscribe(() => {
      const next = live.board.get();
      const text = board.loaded ? boardAnnouncement(board.view, next.view) : undefined;
      board = next;
      if (text) announce(text);
    });
    const stopPrivate = live.privateView.subscribe(() => {
      const next = live.privateView.get();
      const text = privateAnnouncement(mine, next);
      mine = next;
      if (text) announce(text);
    });
    return () => {
      stopOutbox();
      stopBoard();
      stopPrivate();
    };
  }, [live]);
  return announcement;
}
