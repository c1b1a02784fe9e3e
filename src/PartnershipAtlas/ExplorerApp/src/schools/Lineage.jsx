import { Link } from 'react-router';
import { useWithAsOf } from '../app/asOf.js';

/** Predecessors and successors, followed across conversions (generation < 0: before, > 0: after). */
export default function Lineage({ lineage }) {
  const withAsOf = useWithAsOf();
  return (
    <section aria-labelledby="lineage-heading">
      <h2 id="lineage-heading">Lineage</h2>
      {lineage.length === 0 ? <p>No predecessor or successor is recorded.</p> : (
        <table>
          <caption>Predecessors and successors</caption>
          <thead><tr><th scope="col">Generation</th><th scope="col">School</th><th scope="col">Link</th><th scope="col">Date</th></tr></thead>
          <tbody>
            {lineage.map((l) => (
              <tr key={`${l.urn}-${l.generation}`}>
                <td className="numeric">{l.generation > 0 ? `+${l.generation}` : l.generation}</td>
                <td><Link to={withAsOf(`/schools/${l.urn}`)}>{l.name ?? `URN ${l.urn}`}</Link></td>
                <td>{l.via.type}</td>
                <td>{l.via.establishedDate ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
