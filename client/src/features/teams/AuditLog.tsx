import type { AuditEntryView } from '@reflectory/shared';
import { useEffect, useState } from 'react';
import { fetchAuditLog } from '../../api/teams-api.ts';
import { describeAuditEntry, formatDateTime } from './team-text.ts';

/**
 * Owners' view of what facilitators and owners did, newest first. It never says who wrote an
 * anonymous note: the log does not hold it.
 */
export function AuditLog({ teamId }: { teamId: string }) {
  const [entries, setEntries] = useState<AuditEntryView[]>();
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void fetchAuditLog(teamId).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEntries(result.data.entries);
        setNextBefore(result.data.nextBefore);
      } else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [teamId]);

  async function older() {
    if (nextBefore === null || busy) return;
    setBusy(true);
    const result = await fetchAuditLog(teamId, nextBefore);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setEntries((shown) => [...(shown ?? []), ...result.data.entries]);
    setNextBefore(result.data.nextBefore);
  }

  return (
    <section className="team-section audit-log" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="muted">
        What owners and facilitators did: roles, invitations, reveals, removals, exports. It never
        records who wrote an anonymous note, nor any note’s text.
      </p>
      {error && (
        <p className="form-alert" role="alert">
          The audit log could not be loaded. {error}
        </p>
      )}
      {entries === undefined && !error && <p role="status">Loading the audit log…</p>}
      {entries && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.at)}</td>
                  <td>{entry.actorName}</td>
                  <td>{describeAuditEntry(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore !== null && (
        <div className="actions">
          <button
            className="button"
            type="button"
            aria-disabled={busy}
            onClick={() => void older()}
          >
            {busy ? 'Loading…' : 'Show older entries'}
          </button>
        </div>
      )}
    </section>
  );
}
