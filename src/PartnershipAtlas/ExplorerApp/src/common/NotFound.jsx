import { Link } from 'react-router';
import { useWithAsOf } from '../app/asOf.js';

export default function NotFound({ what, id }) {
  const withAsOf = useWithAsOf();
  return (
    <section className="not-found">
      <h1>Not found</h1>
      <p>There is no {what}{id !== undefined ? ` “${id}”` : ''} here.</p>
      <p><Link to={withAsOf('/')}>Back to the home page and search</Link></p>
    </section>
  );
}
