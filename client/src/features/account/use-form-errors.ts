import { useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export type FieldErrors<F extends string> = { [K in F | 'form']?: string | undefined };

/**
 * Errors of a form's fields and of the form as a whole (the server's answer). `show` renders them
 * and moves focus to the first, so a screen reader hears it and the keyboard lands on it.
 */
export function useFormErrors<F extends string>(order: readonly F[]) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const refs = useRef(new Map<F | 'form', RefObject<HTMLElement | null>>());

  function refFor<E extends HTMLElement>(field: F | 'form'): RefObject<E | null> {
    let ref = refs.current.get(field);
    if (!ref) {
      ref = { current: null };
      refs.current.set(field, ref);
    }
    return ref as RefObject<E | null>;
  }

  function show(next: FieldErrors<F>): void {
    flushSync(() => setErrors(next));
    const first = [...order, 'form' as const].find((field) => next[field] !== undefined);
    if (first) refs.current.get(first)?.current?.focus();
  }

  function clear(field: F): void {
    setErrors((shown) => ({ ...shown, [field]: undefined, form: undefined }));
  }

  return { errors, show, clear, refFor };
}
