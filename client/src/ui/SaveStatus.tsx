export interface SaveStatusProps {
  tone: 'saving' | 'waiting' | 'paused' | 'failed';
  label: string;
  detail?: string | undefined;
  id?: string | undefined;
}

/** Where a change stands, in words; the icon (drawn in CSS, no font needed) only repeats them. */
export function SaveStatus({ tone, label, detail, id }: SaveStatusProps) {
  return (
    <p id={id} className={`save-status save-${tone}`}>
      <span className="save-icon" aria-hidden="true" />
      <span>
        <strong>{label}</strong>
        {detail && <span className="save-detail"> {detail}</span>}
      </span>
    </p>
  );
}
