import type { Membership } from '@reflectory/shared';
import { useMemo } from 'react';
import { useExternalStore } from '../../realtime/use-external-store.ts';
import { useLiveSession } from '../../realtime/use-live-session.ts';
import { useOutbox } from '../../realtime/use-outbox.ts';
import { Announcer } from '../../ui/Announcer.tsx';
import { AreaColumn } from './AreaColumn.tsx';
import { boardActionsFor } from './board-actions.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { EndSessionControl } from './EndSessionControl.tsx';
import { countPending, latestClose, pendingAddsIn } from './pending-changes.ts';
import { Roster } from './Roster.tsx';
import { SharePanel } from './SharePanel.tsx';
import { useBoardAnnouncements } from './use-board-announcements.ts';
import './board.css';

/** The board of one session for one person: notes by area, who is here, and the connection. */
export function LiveBoard({ membership }: { membership: Membership }) {
  const { session, you } = membership;
  const live = useLiveSession(session.id, you.id);
  const board = useExternalStore(live.board);
  const roster = useExternalStore(live.roster);
  const status = useExternalStore(live.status);
  const entries = useOutbox(live.outbox);
  const announcement = useBoardAnnouncements(live);
  const actions = useMemo(() => boardActionsFor(live), [live]);

  const view = board.view;
  const title = view.title || session.title;
  const closed = board.loaded ? view.status === 'closed' : session.status === 'closed';
  const open = !closed && status.kind !== 'stopped';
  const connected = status.kind === 'connected';
  const isFacilitator = you.role === 'facilitator';
  const newestFirst = [...view.notes].reverse();

  return (
    <div className="board-page">
      <title>{`${title} · Reflectory`}</title>
      <header className="board-header">
        <div className="board-heading">
          <h1>{title}</h1>
          <p className="muted board-you">
            You are <strong>{you.displayName}</strong>
            {isFacilitator ? ', the facilitator.' : '.'}
          </p>
        </div>
        <div className="board-header-side">
          <ConnectionBadge status={status} unsaved={countPending(entries)} />
          {isFacilitator && !closed && (
            <EndSessionControl
              closing={latestClose(entries)}
              connected={connected}
              onEnd={actions.closeSession}
              onRetry={actions.retry}
            />
          )}
        </div>
      </header>

      {closed && (
        <div className="notice board-ended">
          <h2>This session has ended</h2>
          <p>The board stays here to read; notes can no longer be added or changed.</p>
        </div>
      )}
      {status.kind === 'stopped' && (
        <div className="form-alert board-stopped" role="alert">
          <p>{status.message}</p>
        </div>
      )}

      <div className={isFacilitator && !closed ? 'board-top with-share' : 'board-top'}>
        {isFacilitator && !closed && session.joinCode && <SharePanel joinCode={session.joinCode} />}
        <Roster people={roster} youId={you.id} connected={connected} />
      </div>

      {board.loaded ? (
        <div className="board-areas">
          {view.areas.map((area) => (
            <AreaColumn
              key={area.id}
              area={area}
              notes={newestFirst.filter((note) => note.areaId === area.id)}
              pendingAdds={pendingAddsIn(entries, view, area.id, you.id)}
              entries={entries}
              you={you}
              open={open}
              connected={connected}
              actions={actions}
            />
          ))}
        </div>
      ) : (
        <p className="board-loading" role="status">
          Loading the board…
        </p>
      )}
      <Announcer announcement={announcement} />
    </div>
  );
}
