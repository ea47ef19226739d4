import { cloneElement, type ReactElement } from 'react';

export interface AriaFieldProps {
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean | undefined;
}

/** A labelled control with its hint and error, tied together with aria-describedby. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: ReactElement<AriaFieldProps>;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <DescribedBy id={id} hint={hint !== undefined} error={error}>
        {children}
      </DescribedBy>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Ties a field's hint and error to its control, and marks it invalid while the error shows. */
function DescribedBy({
  id,
  hint,
  error,
  children,
}: {
  id: string;
  hint: boolean;
  error: string | undefined;
  children: ReactElement<AriaFieldProps>;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return cloneElement(children, {
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? true : undefined,
  });
}
