import type { ReactNode, Ref } from 'react';

/** A message about the whole form (usually the server's), announced as it appears. */
export function FormAlert({ children, ref }: { children: ReactNode; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} role="alert" className="form-alert" tabIndex={-1}>
      {children}
    </div>
  );
}
