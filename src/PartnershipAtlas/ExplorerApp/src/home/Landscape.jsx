import { Link } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { useAsOf, useWithAsOf } from '../app/asOf.js';
import BarTable from '../common/BarTable.jsx';
import QueryState from '../common/QueryState.jsx';
import { kindLabel, number } from '../common/format.js';
import landscape from './landscape.graphql';

/** Networks per kind, schools in two or more networks and the largest overlaps, on the chosen date. */
export default function Landscape() {
  const [asOf] = useAsOf();
  const withAsOf = useWithAsOf();
  const result = useQuery(landscape, { asOf });
  return (
    <section aria-labelledby="landscape-heading" aria-busy={result.loading}>
      <h2 id="landscape-heading">The landscape at a glance{asOf ? ` on ${asOf}` : ' today'}</h2>
      <QueryState result={result} what="the landscape">
        {(data) => {
          const schools = new Map(data.schoolsPerKind.map((c) => [c.kind, c.count]));
          const rows = data.matrix.filter((m) => m.kind === m.otherKind && m.networks > 0)
            .sort((a, b) => b.networks - a.networks)
            .map((m) => ({ key: m.kind, label: kindLabel(m.kind), values: [m.networks, schools.get(m.kind) ?? 0] }));
          return (
            <div className="landscape">
              <p className="headline" data-testid="multi-network">
                <strong>{number(data.multiNetwork.totalCount)}</strong> schools are in two or more networks.
              </p>
              <BarTable caption="Networks per kind (with members on the date)" labelHeader="Kind" columns={['Networks', 'Schools']} rows={rows} />
              <table>
                <caption>The largest overlaps</caption>
                <thead><tr><th scope="col">Network</th><th scope="col">Network</th><th scope="col">Shared schools</th><th scope="col">Jaccard</th></tr></thead>
                <tbody>
                  {data.largest.nodes.map((o) => (
                    <tr key={`${o.a.id}-${o.b.id}`}>
                      <td><Link to={withAsOf(`/networks/${encodeURIComponent(o.a.id)}`)}>{o.a.name}</Link> <span className="hint">{kindLabel(o.a.kind)}</span></td>
                      <td><Link to={withAsOf(`/networks/${encodeURIComponent(o.b.id)}`)}>{o.b.name}</Link> <span className="hint">{kindLabel(o.b.kind)}</span></td>
                      <td className="numeric">{number(o.sharedCount)}</td>
                      <td className="numeric">{o.jaccard.toFixed(3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
