import { Link } from 'react-router';
import { useWithAsOf } from '../app/asOf.js';
import { kindLabel, number } from '../common/format.js';

/** The network pairs behind a heatmap cell; choosing one shows it on the map. */
export default function PairList({ cell, overlaps, chosen, onChoose }) {
  const withAsOf = useWithAsOf();
  return (
    <table data-testid="pairs">
      <caption>{kindLabel(cell.kind)} with {kindLabel(cell.otherKind)}: {number(overlaps.totalCount)} pairs{overlaps.totalCount > overlaps.nodes.length ? ` (the ${overlaps.nodes.length} largest)` : ''}</caption>
      <thead><tr><th scope="col">Network</th><th scope="col">Network</th><th scope="col">Shared</th><th scope="col">Jaccard</th><th scope="col">Map</th></tr></thead>
      <tbody>
        {overlaps.nodes.map((o, i) => (
          <tr key={`${o.a.id}-${o.b.id}`} className={chosen === i ? 'chosen' : undefined}>
            <td><Link to={withAsOf(`/networks/${encodeURIComponent(o.a.id)}`)}>{o.a.name}</Link></td>
            <td><Link to={withAsOf(`/networks/${encodeURIComponent(o.b.id)}`)}>{o.b.name}</Link></td>
            <td className="numeric">{number(o.sharedCount)}</td>
            <td className="numeric">{o.jaccard.toFixed(3)}</td>
            <td><button type="button" aria-pressed={chosen === i} onClick={() => onChoose(i)}>Show on the map</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
