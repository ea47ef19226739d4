import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After moving to another page inside the app, puts focus at the start of the new content, as a
 * full page load would, so keyboard and screen reader users are not left on a vanished button.
 * A page that has already placed focus inside the content (a field, an error) keeps it.
 */
export function useFocusOnNavigation(content: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const element = content.current;
    const focused = document.activeElement;
    if (element && (!focused || focused === document.body || !element.contains(focused))) {
      element.focus();
    }
  }, [pathname, content]);
}
