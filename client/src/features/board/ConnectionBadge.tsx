import type { ConnectionStatus } from '../../realtime/connection-status.ts';
import { StatusBadge, type StatusTone } from '../../ui/StatusBadge.tsx';

const shown: Record<ConnectionStatus['kind'], { tone: StatusTone; label: string }> = {
  connecting: { tone: 'busy', label: 'Connecting…' },
  connected: { tone: 'ok', label: 'Connected' },
  reconnecting: { tone: 'busy', label: 'Reconnecting…' },
  offline: { tone: 'warning', label: 'Offline' },
  stopped: { tone: 'error', label: 'Disconnected' },
};

/**
 * The connection in one word. While it is down, also how many changes wait to be sent; that count
 * stays out of the status region, which would otherwise speak up at every note.
 */
export function ConnectionBadge({
  status,
  unsaved,
}: {
  status: ConnectionStatus;
  unsaved: number;
}) {
  const { tone, label } = shown[status.kind];
  return (
    <div className="connection">
      <StatusBadge tone={tone}>{label}</StatusBadge>
      {status.kind !== 'connected' && unsaved > 0 && (
        <p className="connection-unsaved">
          {unsaved} {unsaved === 1 ? 'change' : 'changes'} will be sent when the connection is back
        </p>
      )}
    </div>
  );
}
