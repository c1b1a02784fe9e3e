import { Link } from 'react-router';
import { useWithAsOf } from '../app/asOf.js';
import { kindLabel, number } from '../common/format.js';

export default function OverlappingNetworks({ overlaps, self }) {
  const withAsOf = useWithAsOf();
  return (
    <section aria-labelledby="overlapping-heading">
      <h2 id="overlapping-heading">Overlapping networks</h2>
      {overlaps.totalCount === 0 ? <p>No other network shares a school with this one on the date.</p> : (
        <table>
          <caption>Networks sharing schools with this one ({number(overlaps.totalCount)}; the largest {overlaps.nodes.length} shown)</caption>
          <thead><tr><th scope="col">Network</th><th scope="col">Kind</th><th scope="col">Shared schools</th><th scope="col">Its members</th><th scope="col">Jaccard</th></tr></thead>
          <tbody>
            {overlaps.nodes.map((o) => {
              const other = o.a.id === self ? o.b : o.a;
              return (
                <tr key={other.id}>
                  <td><Link to={withAsOf(`/networks/${encodeURIComponent(other.id)}`)}>{other.name}</Link></td>
                  <td>{kindLabel(other.kind)}</td>
                  <td className="numeric">{number(o.sharedCount)}</td>
                  <td className="numeric">{number(o.a.id === self ? o.bMemberCount : o.aMemberCount)}</td>
                  <td className="numeric">{o.jaccard.toFixed(3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
