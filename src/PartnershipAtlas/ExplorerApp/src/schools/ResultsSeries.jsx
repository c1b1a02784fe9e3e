import { useQuery } from '../api/useQuery.js';
import results from './results.graphql';
import QueryState from '../common/QueryState.jsx';

const KS2 = [['ptrwmExp', 'Reading, writing and maths: expected standard (%)'], ['readProg', 'Reading progress'], ['matProg', 'Maths progress']];
const KS4 = [['att8Scr', 'Attainment 8'], ['p8Mea', 'Progress 8']];

/** A measure as published: its value with the confidence interval when there is one, or why it is missing. */
function measure(m) {
  if (!m || m.value === null) return m ? m.status.toLowerCase().replaceAll('_', ' ') : '–';
  return m.lower !== null && m.upper !== null ? `${m.value} (${m.lower} to ${m.upper})` : String(m.value);
}

function Series({ caption, rows, headlines, columns }) {
  if (rows.length === 0) return null;
  return (
    <table>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Year</th><th scope="col">Pupils</th>{columns.map(([, label]) => <th scope="col" key={label}>{label}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.year}-${r.urn}`}>
            <td>{r.year}{r.provisional ? ' (provisional)' : ''}</td>
            <td className="numeric">{r.cohort ?? '–'}</td>
            {columns.map(([code]) => <td key={code} className="numeric">{measure(r[headlines]?.[code])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The school's KS2 and KS4 results by year, followed across conversions (a predecessor's years included). */
export default function ResultsSeries({ urn }) {
  const result = useQuery(results, { urn });
  return (
    <section aria-labelledby="results-heading" aria-busy={result.loading}>
      <h2 id="results-heading">Results</h2>
      <QueryState result={result} what="the results">
        {({ establishment: e }) => (e.ks2.length + e.ks4.length === 0
          ? <p>No performance tables are loaded for this school (import KS2 or KS4 results to see them).</p>
          : (
            <>
              <Series caption="Key stage 2" rows={e.ks2} headlines="ks2" columns={KS2} />
              <Series caption="Key stage 4" rows={e.ks4} headlines="ks4" columns={KS4} />
            </>
          ))}
      </QueryState>
    </section>
  );
}
