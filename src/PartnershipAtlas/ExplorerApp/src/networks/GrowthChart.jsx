import { useEffect, useRef } from 'react';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { PALETTE } from '../common/palette.js';
import { number } from '../common/format.js';

Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** Members over time (memberCountSeries, one point a year) as a line chart, with the same numbers as a table. */
export default function GrowthChart({ series, name }) {
  const canvas = useRef(null);
  useEffect(() => {
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: series.map((p) => p.date.slice(0, 4)),
        datasets: [{ label: 'Members', data: series.map((p) => p.count), borderColor: PALETTE[0], backgroundColor: PALETTE[0], tension: 0 }],
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [series]);
  return (
    <section aria-labelledby="growth-heading">
      <h2 id="growth-heading">Growth over time</h2>
      <div className="chart">
        <canvas ref={canvas} role="img" aria-label={`Line chart of the members of ${name} each year; the table below has the same numbers.`} />
      </div>
      <details>
        <summary>The growth as a table</summary>
        <table>
          <caption>Members of {name} on each date</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Members</th></tr></thead>
          <tbody>{series.map((p) => <tr key={p.date}><td>{p.date}</td><td className="numeric">{number(p.count)}</td></tr>)}</tbody>
        </table>
      </details>
    </section>
  );
}
