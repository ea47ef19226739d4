import { SaveStatus } from '../../ui/SaveStatus.tsx';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import { AgreementText } from './AgreementText.tsx';
import { saveIndicatorOf } from './save-state.ts';

interface Props {
  text: string;
  /** The latest "I agree" this person sent, while it is on its way or refused. */
  accepting: OutboxEntry | undefined;
  connected: boolean;
  onAccept: () => void;
  onRetry: (commandId: string) => void;
}

/**
 * Shown to anyone who has not accepted the agreement yet, late joiners included: nobody writes on
 * the board before they have read the ground rules and the limits of confidentiality.
 */
export function AgreementCard({ text, accepting, connected, onAccept, onRetry }: Props) {
  const indicator = accepting ? saveIndicatorOf(accepting, connected) : undefined;
  return (
    <section className="agreement-card" aria-labelledby="agreement-card-title">
      <h2 id="agreement-card-title">Before you take part: the group’s agreement</h2>
      <p>
        Please read it. You can write on the board once you have accepted it; until then you can
        read along.
      </p>
      <AgreementText text={text} />
      <div className="agreement-actions">
        {accepting && accepting.state !== 'failed' ? (
          indicator && <SaveStatus {...indicator} />
        ) : (
          <button
            className="button primary"
            type="button"
            onClick={() => (accepting ? onRetry(accepting.commandId) : onAccept())}
          >
            I agree
          </button>
        )}
        {accepting?.state === 'failed' && indicator && <SaveStatus {...indicator} />}
      </div>
    </section>
  );
}
