import { Link } from 'react-router';

export function LandingPage() {
  return (
    <div className="landing">
      <title>Reflectory</title>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Reflect together, safely, in real time</h1>
        <p className="lede">
          Reflectory guides a team through a structured reflection, one stage at a time: a shared
          board of sticky notes that can be named, anonymous or hidden until revealed, then voting,
          themes and an action plan your next session opens with.
        </p>
        <p className="lede">
          Made for teams in health and social care, support work, teaching and software who meet to
          reflect on their practice. Participants join from a link with nothing to install.
        </p>
        <div className="actions">
          <Link className="button primary" to="/start">
            Start a session
          </Link>
          <Link className="button" to="/join">
            Join a session
          </Link>
        </div>
      </section>

      <section className="features" aria-label="What Reflectory offers">
        <article>
          <h2>Structured models</h2>
          <p>
            Gibbs, Kolb, What? So what? Now what?, After Action Review, retrospectives and more,
            each with prompts, timeboxes and guidance for the facilitator.
          </p>
        </article>
        <article>
          <h2>Anonymous means anonymous</h2>
          <p>
            Anonymous notes are written by the server, never traceable to their author, not even by
            the facilitator or whoever reads the database.
          </p>
        </article>
        <article>
          <h2>Actions that carry over</h2>
          <p>
            Every session ends with actions that have an owner and a date, and the next session
            begins by looking at what happened to them.
          </p>
        </article>
      </section>
    </div>
  );
}
