import { number } from './format.js';

/**
 * A bar chart that is its own table alternative: one row per item, the value as text and as a bar.
 * rows: [{ key, label, values: [number, …] }]; columns: the headers of the values (the bar shows the first).
 */
export default function BarTable({ caption, labelHeader, columns, rows, format = number }) {
  const max = Math.max(1, ...rows.map((r) => r.values[0] ?? 0));
  return (
    <table className="bar-table">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">{labelHeader}</th>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}<th scope="col" aria-hidden="true" className="bar-column" /></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {r.values.map((v, i) => <td key={columns[i]} className="numeric">{format(v)}</td>)}
            <td aria-hidden="true" className="bar-column"><span className="bar" style={{ width: `${(100 * (r.values[0] ?? 0)) / max}%` }} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
