import { useId, type ComponentProps } from 'react';

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'aria-describedby' | 'aria-invalid'>;

export interface TextFieldProps extends InputProps {
  label: string;
  hint?: string | undefined;
  /** Shown under the field and read with it; the field is marked invalid while it is set. */
  error?: string | undefined;
}

/** A labelled text input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'has-error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
