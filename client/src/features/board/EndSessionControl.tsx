import { useId, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { SaveStatus } from '../../ui/SaveStatus.tsx';
import type { CloseEntry } from './pending-changes.ts';
import { saveIndicatorOf } from './save-state.ts';

interface Props {
  closing: CloseEntry | undefined;
  connected: boolean;
  onEnd: () => void;
  onRetry: (commandId: string) => void;
}

/** For the facilitator: ends the session for everyone, after asking once. */
export function EndSessionControl({ closing, connected, onEnd, onRetry }: Props) {
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const indicator = closing ? saveIndicatorOf(closing, connected) : undefined;

  function show(next: boolean, focus: RefObject<HTMLButtonElement | null>) {
    flushSync(() => setConfirming(next));
    focus.current?.focus();
  }

  if (closing && closing.state !== 'failed') {
    return indicator ? <SaveStatus {...indicator} /> : null;
  }

  return (
    <div className="end-session">
      {confirming ? (
        <div
          className="end-confirm"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') show(false, openRef);
          }}
        >
          <p id={questionId}>
            End the session for everyone? Nobody will be able to add, change or delete notes.
          </p>
          <div className="note-actions">
            <button
              ref={confirmRef}
              className="button danger small"
              type="button"
              onClick={() => {
                setConfirming(false);
                onEnd();
              }}
            >
              End session for everyone
            </button>
            <button
              className="button quiet small"
              type="button"
              onClick={() => show(false, openRef)}
            >
              Keep it open
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={openRef}
          className="button small"
          type="button"
          onClick={() => show(true, confirmRef)}
        >
          End session
        </button>
      )}
      {closing?.state === 'failed' && indicator && (
        <>
          <SaveStatus {...indicator} />
          <button className="link-button" type="button" onClick={() => onRetry(closing.commandId)}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}
