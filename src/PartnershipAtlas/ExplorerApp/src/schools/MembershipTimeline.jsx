import { kindLabel } from '../common/format.js';
import { colourOf } from '../common/palette.js';
import { today } from '../app/asOf.js';

const LANE = 34;
const LABEL = 190;
const WIDTH = 900;

const year = (date) => Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) - 1) / 12;

/** The membership history drawn as a timeline, one lane per kind, with the same entries as a table. */
export default function MembershipTimeline({ history, asOf, opened }) {
  if (history.length === 0) return <section><h2>Membership history</h2><p>No membership is recorded.</p></section>;
  const kinds = [...new Set(history.map((h) => h.kind))];
  const end = year(today()) + 0.5;
  // A membership with no joining date is drawn from the school's opening (or the axis start) with a lighter fill.
  const start = Math.min(end - 5, ...[opened, ...history.map((h) => h.joined)].filter(Boolean).map(year)) - 0.5;
  const from = (h) => ((h.joined ?? opened) ? year(h.joined ?? opened) : start);
  const x = (y) => LABEL + ((y - start) / (end - start)) * (WIDTH - LABEL - 10);
  const ticks = [];
  for (let y = Math.ceil(start); y <= end; y += Math.max(1, Math.round((end - start) / 8))) ticks.push(y);
  const height = kinds.length * LANE + 30;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Membership history</h2>
      <svg className="timeline" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label="Timeline of the school's memberships, one lane per kind of network; the table below lists them.">
        {ticks.map((t) => <g key={t}><line x1={x(t)} x2={x(t)} y1={0} y2={height - 20} className="tick" /><text x={x(t)} y={height - 5} textAnchor="middle">{t}</text></g>)}
        {asOf && <line x1={x(year(asOf))} x2={x(year(asOf))} y1={0} y2={height - 20} className="as-of-line" />}
        {kinds.map((kind, lane) => (
          <g key={kind}>
            <text x={4} y={lane * LANE + 21}>{kindLabel(kind)}</text>
            {history.filter((h) => h.kind === kind).map((h, i) => (
              <rect key={`${h.partnership.id}-${i}`} x={x(from(h))} y={lane * LANE + 6} height={LANE - 12}
                width={Math.max(3, x(h.left ? year(h.left) : end) - x(from(h)))} fill={colourOf(lane)} fillOpacity={h.joined ? 1 : 0.55}>
                <title>{`${h.partnership.name}: ${h.joined ?? 'joining date not published'} to ${h.left ?? 'now'}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <details>
        <summary>The history as a table</summary>
        <table>
          <caption>Every membership{history.some((h) => h.generation !== 0) ? ', with those of predecessors' : ''}</caption>
          <thead><tr><th scope="col">Network</th><th scope="col">Kind</th><th scope="col">Role</th><th scope="col">Joined</th><th scope="col">Left</th><th scope="col">URN</th></tr></thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={`${h.partnership.id}-${i}`}><td>{h.partnership.name}</td><td>{kindLabel(h.kind)}</td><td>{kindLabel(h.role)}</td><td>{h.joined ?? '–'}</td><td>{h.left ?? '–'}</td><td>{h.urn}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
