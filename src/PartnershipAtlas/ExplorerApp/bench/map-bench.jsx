// The map with N generated schools (?points=50000, default 50,000) spread over England's Easting/Northing range, to
// see that the national scale stays responsive. Served at /explorer/bench/map.html (not linked from the app); the
// numbers land in window.mapBench and on the page. tests/node/explorer-bench.mjs drives it.
import '../src/styles.css';
import { createRoot } from 'react-dom/client';
import SchoolMap from '../src/map/SchoolMap.jsx';

const count = Number(new URLSearchParams(location.search).get('points') || 50_000);
let seed = 42;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const started = performance.now();
const points = Array.from({ length: count }, (_, i) => ({
  urn: 100000 + i, name: `School ${i + 1}`,
  easting: Math.round(140000 + random() * 500000), northing: Math.round(20000 + random() * 620000),
  group: i % 3, networks: [`Network ${i % 3}`],
}));
const generated = performance.now() - started;
window.mapBench = { points: count, generateMs: Math.round(generated) };

// First draw: the map says it plotted every point, and the frame after that has been painted.
function waitForDraw() {
  if (Number(document.querySelector('.map')?.dataset.plotted) === count) {
    requestAnimationFrame(() => { window.mapBench.firstDrawMs = Math.round(performance.now() - started - generated); });
  } else requestAnimationFrame(waitForDraw);
}
requestAnimationFrame(waitForDraw);

createRoot(document.getElementById('root')).render(
  <>
    <h1>Map benchmark: {count.toLocaleString('en-GB')} points</h1>
    <SchoolMap points={points} groups={[{ label: 'Network 0' }, { label: 'Network 1' }, { label: 'Network 2' }]} label="Generated schools" />
  </>,
);
