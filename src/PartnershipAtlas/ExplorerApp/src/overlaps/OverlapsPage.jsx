import { useState } from 'react';
import { useQuery } from '../api/useQuery.js';
import { useAsOf } from '../app/asOf.js';
import QueryState from '../common/QueryState.jsx';
import Changes from './Changes.jsx';
import Filters, { areaVariables } from './Filters.jsx';
import Heatmap from './Heatmap.jsx';
import NetworkGraph from './NetworkGraph.jsx';
import PairList from './PairList.jsx';
import PairMap from './PairMap.jsx';
import matrix from './matrix.graphql';
import pairs from './pairs.graphql';
import { useOverlapFilters } from './useOverlapFilters.js';

export default function OverlapsPage() {
  const [asOf] = useAsOf();
  const [filters, setFilters] = useOverlapFilters();
  const [cell, setCell] = useState(null);
  const [chosen, setChosen] = useState(null);
  const area = areaVariables(filters);
  const matrixResult = useQuery(matrix, { asOf, ...area });
  const { kinds: _, ...place } = area;
  const pairResult = useQuery(pairs, { asOf, ...place, kinds: cell ? [cell.kind] : null, otherKinds: cell ? [cell.otherKind] : null }, { skip: !cell });
  const select = (next) => { setCell(next); setChosen(null); };
  const overlaps = pairResult.data?.overlaps;
  return (
    <>
      <h1>How networks overlap{asOf ? ` on ${asOf}` : ' today'}</h1>
      <Filters filters={filters} onChange={(f) => { setFilters(f); select(null); }} />
      <section aria-labelledby="matrix-heading" aria-busy={matrixResult.loading}>
        <h2 id="matrix-heading">Kind by kind</h2>
        <QueryState result={matrixResult} what="the overlap matrix">
          {(data) => <Heatmap matrix={data.overlapMatrix} selected={cell} onSelect={select} />}
        </QueryState>
      </section>
      {cell && (
        <section aria-labelledby="pairs-heading" aria-busy={pairResult.loading}>
          <h2 id="pairs-heading">The pairs behind the cell</h2>
          <QueryState result={pairResult} what="the pairs">
            {() => (
              <>
                <PairList cell={cell} overlaps={overlaps} chosen={chosen} onChoose={setChosen} />
                {chosen !== null && overlaps.nodes[chosen] && <PairMap pair={overlaps.nodes[chosen]} asOf={asOf} />}
                {overlaps.nodes.length > 0 && <NetworkGraph pairs={overlaps.nodes} />}
              </>
            )}
          </QueryState>
        </section>
      )}
      <Changes area={area} asOf={asOf} />
    </>
  );
}
