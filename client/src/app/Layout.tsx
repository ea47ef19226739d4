import { useRef } from 'react';
import { Link, Outlet } from 'react-router';
import { AccountNav } from '../features/account/AccountNav.tsx';
import { useFocusOnNavigation } from './use-focus-on-navigation.ts';

export function Layout() {
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigation(mainRef);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Reflectory
        </Link>
        <AccountNav />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Reflectory is open source and self-hosted: your reflections stay on your server.</p>
      </footer>
    </>
  );
}
