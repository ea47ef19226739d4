import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page narrow">
      <title>Page not found · Reflectory</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. If someone sent you a link, check that it was copied
        whole.
      </p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}
