import { heat } from '../common/palette.js';
import { kindLabel, number } from '../common/format.js';

/** The kind × kind matrix as a table whose cells are shaded by shared schools; each cell is a button. */
export default function Heatmap({ matrix, selected, onSelect }) {
  const kinds = [...new Set(matrix.filter((m) => m.networks > 0).map((m) => m.kind))];
  const cell = new Map(matrix.map((m) => [`${m.kind}|${m.otherKind}`, m]));
  const max = Math.max(1, ...matrix.map((m) => m.sharedSchools));
  if (kinds.length === 0) return <p>No network has members with these filters on the date.</p>;
  return (
    <div className="heatmap-scroll">
      <table className="heatmap" data-testid="heatmap">
        <caption>Schools in a network of the row's kind and one of the column's kind (choose a cell for the pairs behind it)</caption>
        <thead><tr><td />{kinds.map((k) => <th scope="col" key={k}>{kindLabel(k)}</th>)}</tr></thead>
        <tbody>
          {kinds.map((row) => (
            <tr key={row}>
              <th scope="row">{kindLabel(row)}</th>
              {kinds.map((col) => {
                const m = cell.get(`${row}|${col}`);
                const value = m?.sharedSchools ?? 0;
                const isSelected = selected && selected.kind === row && selected.otherKind === col;
                return (
                  <td key={col} style={heat(Math.sqrt(value / max))}>
                    <button type="button" disabled={value === 0} aria-pressed={isSelected} data-kind={row} data-other-kind={col} onClick={() => onSelect({ kind: row, otherKind: col })}
                      aria-label={`${kindLabel(row)} with ${kindLabel(col)}: ${number(value)} shared schools`}>
                      {number(value)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
