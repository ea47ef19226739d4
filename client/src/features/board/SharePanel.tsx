import { useEffect, useId, useRef, useState } from 'react';
import { QrCodeImage } from '../../ui/QrCodeImage.tsx';
import { joinCodeGroups, joinLinkFor } from './join-link.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** For the facilitator: the join link, the code to read out, a QR code, and a copy button. */
export function SharePanel({ joinCode }: { joinCode: string }) {
  const headingId = useId();
  const linkId = useId();
  const link = joinLinkFor(joinCode);
  const linkRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const resetTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(resetTimer.current), []);

  function selectLink() {
    linkRef.current?.focus();
    linkRef.current?.select();
  }

  async function copyLink() {
    clearTimeout(resetTimer.current);
    try {
      // Missing outside secure contexts (plain HTTP on a local network), hence the check.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopy('copied');
      resetTimer.current = setTimeout(() => setCopy('idle'), 4000);
    } catch {
      setCopy('failed');
      selectLink();
    }
  }

  return (
    <section className="panel share-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Invite people</h2>
      <div className="share-body">
        <div className="share-details">
          <label htmlFor={linkId} className="field-label">
            Join link
          </label>
          <div className="copy-row">
            <input
              ref={linkRef}
              id={linkId}
              className="share-link"
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button className="button primary small" type="button" onClick={() => void copyLink()}>
              Copy link
            </button>
          </div>
          <p className="copy-feedback" aria-live="polite">
            {copy === 'copied' && '✓ Copied'}
            {copy === 'failed' &&
              'Could not copy by itself: the link is selected, press Ctrl+C (⌘C on a Mac).'}
          </p>
          {/* A name and its value: a large <p> under a small one would read as a heading. */}
          <dl className="join-code-entry">
            <dt className="field-label">Join code</dt>
            <dd className="join-code">
              {joinCodeGroups(joinCode).map((group) => (
                <span key={group}>{group}</span>
              ))}
            </dd>
          </dl>
          <p className="muted share-hint">Or open {location.host}/join and type the code.</p>
        </div>
        <QrCodeImage value={link} alt="QR code for the join link" size={160} />
      </div>
    </section>
  );
}
