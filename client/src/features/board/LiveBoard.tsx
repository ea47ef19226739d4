import { roleLabel, type Membership } from '@reflectory/shared';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useExternalStore } from '../../realtime/use-external-store.ts';
import { useLiveSession } from '../../realtime/use-live-session.ts';
import { useOutbox } from '../../realtime/use-outbox.ts';
import { Announcer } from '../../ui/Announcer.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { AgreementCard } from './AgreementCard.tsx';
import { boardActionsFor } from './board-actions.ts';
import { CommandProblems } from './CommandProblems.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { CurrentStep } from './CurrentStep.tsx';
import { EarlierNotes } from './EarlierNotes.tsx';
import { EndSessionControl } from './EndSessionControl.tsx';
import { FacilitatorPanel } from './FacilitatorPanel.tsx';
import { SummaryLink } from '../summary/SummaryLink.tsx';
import { PreviousActions } from './PreviousActions.tsx';
import { countPending, latestClose } from './pending-changes.ts';
import { ReturnedNotes } from './ReturnedNotes.tsx';
import { Roster } from './Roster.tsx';
import { standingOf, takesNotes } from './session-view.ts';
import { SharePanel } from './SharePanel.tsx';
import { SpotlightBanner } from './SpotlightBanner.tsx';
import { StepBar } from './StepBar.tsx';
import { StepControls } from './StepControls.tsx';
import { StepGuide } from './StepGuide.tsx';
import { StepNotes } from './StepNotes.tsx';
import { StrandedNotes } from './StrandedNotes.tsx';
import { useBoardAnnouncements } from './use-board-announcements.ts';
import './board.css';
import './facilitation.css';

/** The board of one session for one person: the step, its notes, who is here, the controls. */
export function LiveBoard({ membership }: { membership: Membership }) {
  const { session, you } = membership;
  const live = useLiveSession(session.id, you.id);
  const board = useExternalStore(live.board);
  const roster = useExternalStore(live.roster);
  const status = useExternalStore(live.status);
  const mine = useExternalStore(live.privateView);
  const facilitationView = useExternalStore(live.facilitation);
  const offset = useExternalStore(live.clockOffset);
  const anonymous = useSyncExternalStore(live.anonymous.subscribe, live.anonymous.getSnapshot);
  const entries = useOutbox(live.outbox);
  const announcement = useBoardAnnouncements(live);
  const actions = useMemo(() => boardActionsFor(live), [live]);

  const view = board.view;
  const title = view.title || session.title;
  const closed = board.loaded ? view.status === 'closed' : session.status === 'closed';
  const open = !closed && status.kind !== 'stopped';
  const connected = status.kind === 'connected';
  const standing = standingOf(you.role, mine, view, open);
  const { facilitating, role } = standing;
  const facilitation = facilitating ? facilitationView : undefined;
  const step = view.currentStep;
  const accepting = entries.filter((entry) => entry.name === 'agreement:accept').at(-1);
  const needsAgreement = open && !facilitating && mine !== undefined && !mine.acceptedAgreement;
  const endedRef = useRef<HTMLHeadingElement>(null);
  const seenOpen = useRef(!closed);
  // When the session ends under someone's eyes, the control they were on (the end confirmation,
  // the note box) goes away: focus moves to the notice that says why, instead of the page's body.
  useEffect(() => {
    if (!closed) {
      seenOpen.current = true;
      return;
    }
    if (!seenOpen.current) return;
    seenOpen.current = false;
    const focused = document.activeElement;
    if (!focused || focused === document.body) endedRef.current?.focus();
  }, [closed]);

  return (
    <div className="board-page">
      <title>{`${title} · Reflectory`}</title>
      <header className="board-header">
        <div className="board-heading">
          <h1>{title}</h1>
          <p className="muted board-you">
            You are <strong>{you.displayName}</strong>
            {role === 'participant' ? '.' : `, the ${roleLabel(role)}.`}
          </p>
          {view.modelName && <p className="muted board-model">Model: {view.modelName}</p>}
        </div>
        <div className="board-header-side">
          <ConnectionBadge status={status} unsaved={countPending(entries)} />
          {facilitating && <SummaryLink sessionId={session.id} />}
          {facilitating && !closed && (
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
          <h2 ref={endedRef} tabIndex={-1}>
            This session has ended
          </h2>
          <p>The board stays here to read; notes can no longer be added or changed.</p>
        </div>
      )}
      {status.kind === 'stopped' && (
        <div className="form-alert board-stopped" role="alert">
          <p>{status.message}</p>
        </div>
      )}

      {board.loaded && view.steps.length > 0 && (
        <StepBar
          view={view}
          onGo={
            facilitating && open ? (stepIndex) => actions.send('step:go', { stepIndex }) : undefined
          }
        />
      )}

      <div className="board-layout">
        <div className="board-main">
          {needsAgreement && (
            <AgreementCard
              text={view.agreementText}
              accepting={accepting}
              connected={connected}
              onAccept={() => actions.send('agreement:accept', {})}
              onRetry={actions.retry}
            />
          )}
          {!board.loaded || !step ? (
            <p className="board-loading" role="status">
              Loading the board…
            </p>
          ) : (
            <>
              <CurrentStep view={view} step={step} offset={offset}>
                {facilitating && open && (
                  <StepControls
                    view={view}
                    step={step}
                    facilitation={facilitation}
                    actions={actions}
                  />
                )}
              </CurrentStep>
              <CommandProblems entries={entries} actions={actions} />
              <StrandedNotes
                entries={entries}
                step={step}
                canPost={standing.contributes}
                connected={connected}
                actions={actions}
              />
              <ReturnedNotes
                returned={anonymous.returned}
                step={step}
                canPost={standing.contributes}
                actions={actions}
                onDismiss={(noteId) => live.anonymous.dismissReturned(noteId)}
              />
              {view.locked && !closed && (
                <p className="notice locked-notice">
                  <strong>The board is locked.</strong>{' '}
                  {facilitating
                    ? 'Participants cannot add, change or vote until you unlock it.'
                    : 'The facilitator has paused changes for now; you can read along.'}
                </p>
              )}
              <SpotlightBanner view={view} />
              <StepGuide
                view={view}
                standing={standing}
                facilitation={facilitation}
                present={roster.length}
              />
              {takesNotes(step) && (
                <StepNotes
                  view={view}
                  step={step}
                  you={you}
                  standing={standing}
                  mine={mine}
                  anonymous={anonymous}
                  facilitation={facilitation}
                  entries={entries}
                  present={roster.length}
                  connected={connected}
                  actions={actions}
                />
              )}
              {step.kind === 'previousActions' && (
                <PreviousActions
                  items={view.previousActions}
                  editable={facilitating && open}
                  entries={entries}
                  connected={connected}
                  actions={actions}
                />
              )}
              {(step.kind === 'actions' ||
                (step.kind === 'checkOut' && view.actions.length > 0)) && (
                <ActionsPanel
                  items={view.actions}
                  people={roster}
                  editable={facilitating && open && step.kind === 'actions'}
                  actions={actions}
                />
              )}
              <EarlierNotes view={view} />
            </>
          )}
        </div>
        <aside className="board-side" aria-label="Session details">
          {facilitating && !closed && session.joinCode && (
            <SharePanel joinCode={session.joinCode} />
          )}
          {facilitating && !closed && <FacilitatorPanel view={view} facilitation={facilitation} />}
          <Roster
            people={roster}
            youId={you.id}
            connected={connected}
            manage={facilitating && open ? { actions, yourRole: role } : undefined}
          />
        </aside>
      </div>
      <Announcer announcement={announcement} />
    </div>
  );
}
