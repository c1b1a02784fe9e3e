import { useQuery } from '../api/useQuery.js';
import QueryState from '../common/QueryState.jsx';
import { number } from '../common/format.js';
import { PALETTE } from '../common/palette.js';
import comparison from './comparison.graphql';

const shown = (value, digits = 2) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const WIDTH = 600;
const HEIGHT = 70;

/** The matched comparison (difference-in-differences): the two years before against the chosen year. */
export default function Comparison({ id, asOf, keyStage, measure, year }) {
  const preYears = [year - 2, year - 1];
  const result = useQuery(comparison, { id, asOf, keyStage, measure, preYears, postYears: [year] });
  return (
    <div aria-busy={result.loading} data-testid="comparison">
      <h3>Against matched schools outside the network</h3>
      <p className="hint">Each member is matched to the nearest school never in the network (on prior attainment, FSM, size and phase);
        the estimate is the mean of (member's change − match's change) from {preYears.join(' and ')} to {year}, with its 95% interval.</p>
      <QueryState result={result} what="the matched comparison">
        {(data) => <ComparisonFigures c={data.node.comparison} />}
      </QueryState>
    </div>
  );
}

function ComparisonFigures({ c }) {
  if (c.pairs === 0 || c.estimate === null) {
    return (
      <p className="no-results" data-testid="comparison-none">
        No matched comparison: {number(c.membersWithData)} of {number(c.members)} members have a value before and after
        and {number(c.poolSize)} schools outside could be matched.
      </p>
    );
  }
  return (
    <>
      <IntervalPlot c={c} />
      <table data-testid="comparison-table">
        <caption>The matched comparison (the plot above as numbers)</caption>
        <thead><tr><th scope="col">Estimate</th><th scope="col">95% interval</th><th scope="col">Standard error</th><th scope="col">Pairs</th><th scope="col">Members before → after</th><th scope="col">Matches before → after</th></tr></thead>
        <tbody>
          <tr>
            <td className="numeric">{shown(c.estimate)}</td>
            <td className="numeric">{shown(c.confidenceLower)} to {shown(c.confidenceUpper)}</td>
            <td className="numeric">{shown(c.standardError)}</td>
            <td className="numeric">{number(c.pairs)}</td>
            <td className="numeric">{shown(c.networkPreMean)} → {shown(c.networkPostMean)}</td>
            <td className="numeric">{shown(c.comparisonPreMean)} → {shown(c.comparisonPostMean)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

/** The estimate as a point on a line with its interval as a bar, and zero (no difference) marked. */
function IntervalPlot({ c }) {
  const lower = c.confidenceLower ?? c.estimate;
  const upper = c.confidenceUpper ?? c.estimate;
  const reach = Math.max(Math.abs(lower), Math.abs(upper), 1e-9) * 1.2;
  const x = (v) => 20 + ((v + reach) / (2 * reach)) * (WIDTH - 40);
  return (
    <svg className="interval-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img"
      aria-label={`Estimate ${shown(c.estimate)}, 95% interval ${shown(lower)} to ${shown(upper)}; the table below has the same numbers.`}>
      <line x1={x(0)} x2={x(0)} y1={5} y2={HEIGHT - 20} stroke="#505a5f" strokeDasharray="4 3" />
      <text x={x(0)} y={HEIGHT - 5} textAnchor="middle" fontSize="12">0</text>
      <line x1={x(lower)} x2={x(upper)} y1={25} y2={25} stroke={PALETTE[0]} strokeWidth="3" />
      <line x1={x(lower)} x2={x(lower)} y1={17} y2={33} stroke={PALETTE[0]} strokeWidth="2" />
      <line x1={x(upper)} x2={x(upper)} y1={17} y2={33} stroke={PALETTE[0]} strokeWidth="2" />
      <circle cx={x(c.estimate)} cy={25} r="6" fill={PALETTE[1]} />
      <text x={x(lower)} y={HEIGHT - 5} textAnchor="middle" fontSize="12">{shown(lower)}</text>
      <text x={x(upper)} y={HEIGHT - 5} textAnchor="middle" fontSize="12">{shown(upper)}</text>
    </svg>
  );
}
