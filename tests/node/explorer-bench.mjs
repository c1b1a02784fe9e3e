// Measures the explorer (not part of the test suite): how soon `/` is interactive, the size of the app's JavaScript,
// and the map with generated points (/explorer/bench/map.html).
//
//   node explorer-bench.mjs <baseUrl> [points=50000] [runs=5]
//
// Time to interactive of `/`: from navigation start (fresh browser context, empty cache) until the search box takes
// input and the landscape's numbers are on screen, with no main-thread task still running; the median of the runs.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [baseUrl, points = '50000', runs = '5'] = process.argv.slice(2);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bundleSizes() {
  const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/PartnershipAtlas/wwwroot/explorer/assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') && !f.startsWith('mapBench'));
  const sizes = files.map((f) => ({ file: f, gzipKB: gzipSync(readFileSync(path.join(assets, f))).length / 1024 }));
  const total = sizes.reduce((sum, s) => sum + s.gzipKB, 0);
  return { totalGzipKB: Math.round(total), files: sizes.sort((a, b) => b.gzipKB - a.gzipKB).map((s) => `${s.file} ${s.gzipKB.toFixed(1)} kB`) };
}

async function homeInteractive(browser) {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.lastTaskEnd = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.lastTaskEnd = Math.max(window.lastTaskEnd, e.startTime + e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}/`);
  await page.getByRole('searchbox').waitFor();
  const searchMs = await page.evaluate(() => performance.now());
  await page.getByTestId('multi-network').waitFor();
  const landscapeMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(500);
  const lastTaskEnd = await page.evaluate(() => window.lastTaskEnd);
  await context.close();
  return { searchMs, landscapeMs, interactiveMs: Math.max(landscapeMs, lastTaskEnd) };
}

async function mapBench(browser) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await page.addInitScript(() => {
    window.tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}/explorer/bench/map.html?points=${points}`);
  await page.waitForFunction(() => window.mapBench?.firstDrawMs !== undefined, null, { timeout: 120_000 });
  const first = await page.evaluate(() => ({ ...window.mapBench, tasks: window.tasks.length }));
  await page.evaluate(() => { window.tasks = []; });
  const map = page.locator('.map');
  const box = await map.boundingBox();
  const started = Date.now();
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(400);
  }
  for (let i = 0; i < 4; i++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  const interactionMs = Date.now() - started;
  const tasks = await page.evaluate(() => window.tasks);
  await page.close();
  return { ...first, zoomAndPan: { interactions: 8, wallMs: interactionMs, longTasks: tasks.length, longestTaskMs: Math.round(Math.max(0, ...tasks)) } };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
try {
  const homes = [];
  for (let i = 0; i < Number(runs); i++) homes.push(await homeInteractive(browser));
  const home = {
    runs: homes.length,
    medianSearchReadyMs: Math.round(median(homes.map((h) => h.searchMs))),
    medianLandscapeMs: Math.round(median(homes.map((h) => h.landscapeMs))),
    medianInteractiveMs: Math.round(median(homes.map((h) => h.interactiveMs))),
    all: homes.map((h) => Math.round(h.interactiveMs)),
  };
  console.log(JSON.stringify({ home, bundle: bundleSizes(), map: await mapBench(browser) }, null, 2));
} finally {
  await browser.close();
}
