import { useState } from 'react';
import { useQuery } from '../api/useQuery.js';
import QueryState from '../common/QueryState.jsx';
import { kindLabel, number } from '../common/format.js';
import changes from './changes.graphql';

/** What changed between two dates (overlapChanges): pairs appeared, gone or changed, schools in and out of multi-network membership. */
export default function Changes({ area, asOf }) {
  const [from, setFrom] = useState('2019-09-01');
  const [to, setTo] = useState(asOf ?? new Date().toISOString().slice(0, 10));
  const result = useQuery(changes, { from, to, ...area }, { skip: !from || !to });
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes between two dates</h2>
      <div className="area">
        <label>From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
      </div>
      <QueryState result={result} what="the changes">
        {({ overlapChanges: c }) => (
          <>
            <ul className="summary">
              <li><strong>{number(c.pairsAppeared)}</strong> pairs appeared</li>
              <li><strong>{number(c.pairsDisappeared)}</strong> disappeared</li>
              <li><strong>{number(c.pairsChanged)}</strong> changed their shared count</li>
              <li><strong>{number(c.establishmentsEntered)}</strong> schools became multi-network, <strong>{number(c.establishmentsLeft)}</strong> stopped</li>
            </ul>
            {c.pairs.nodes.length > 0 && (
              <table>
                <caption>Changed pairs ({number(c.pairs.totalCount)}; the first {c.pairs.nodes.length})</caption>
                <thead><tr><th scope="col">Network</th><th scope="col">Network</th><th scope="col">Change</th><th scope="col">Shared before</th><th scope="col">Shared after</th></tr></thead>
                <tbody>
                  {c.pairs.nodes.map((p) => (
                    <tr key={`${p.a.id}-${p.b.id}`}><td>{p.a.name}</td><td>{p.b.name}</td><td>{kindLabel(p.change)}</td><td className="numeric">{p.sharedBefore}</td><td className="numeric">{p.sharedAfter}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
