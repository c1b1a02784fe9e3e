import { Link, NavLink, Outlet } from 'react-router';
import { today, useAsOf, useWithAsOf } from './asOf.js';

export default function Layout() {
  const [asOf, setAsOf] = useAsOf();
  const withAsOf = useWithAsOf();
  return (
    <>
      <a className="skip-link" href="#main">Skip to the content</a>
      <header className="site-header">
        <Link to={withAsOf('/')} className="brand">PartnershipAtlas Explorer</Link>
        <nav aria-label="Main">
          <NavLink to={withAsOf('/')} end>Home</NavLink>
          <NavLink to={withAsOf('/overlaps')}>Overlaps</NavLink>
          <a href="/graphql">GraphQL IDE</a>
        </nav>
        <div className="as-of">
          <label htmlFor="as-of">Date</label>
          <input id="as-of" type="date" value={asOf ?? today()} onChange={(e) => setAsOf(e.target.value)} />
          {asOf && <button type="button" onClick={() => setAsOf(null)}>Today</button>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
