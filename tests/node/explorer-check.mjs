// Checks the explorer (served at /) as a person would use it, in headless Chromium, one flow per run:
//
//   node explorer-check.mjs <flow> <baseUrl> <outputDir> [flow arguments...]
//
//   search-network <text> <networkName>   search, open the network, read its member count, wait for its map
//   school <urn>                          search the URN, open the school, read its networks
//   overlaps                              open /overlaps, click the largest heatmap cell, read its pairs, map one
//   as-of <networkId> <date> <date>       open the network on the first date, change the date, read both counts
//   export-csv <networkId>                download the members table as CSV (saved as <outputDir>/members.csv)
//   network-details <networkId>           read the attainment (or its "no results" state), the matched comparison and
//                                         the member and parent networks
//   rate-limited                          (a server with a tiny rate limit) the page says when to retry, as Retry-After
//   keyboard <text> <networkName>         Tab to the search box, type, Tab to the result, Enter opens the network
//   overlap-filters                       the overlaps filters are read from the URL and written back to it
//   not-found                             an unknown network and URN show the not-found page with a way back
//
// Every page visited gets an axe-core audit (serious or critical violations fail the flow) and the flow saves a
// screenshot <outputDir>/<flow>.png. A console error or page error fails the flow.
// Prints one JSON line: {"ok":true,...flow results} and exits 0, or {"ok":false,"error":"..."} and exits 1.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TIMEOUT_MS = 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [flow, baseUrl, outputDir, ...args] = process.argv.slice(2);
const audits = [];

/** axe-core on the page as it is now; serious and critical violations fail the flow. */
async function audit(page, where) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  audits.push({ where, violations: result.violations.length, serious: bad.length });
  if (bad.length) {
    throw new Error(`axe on ${where}: ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
  }
}

const text = (page, selector) => page.locator(selector).first().innerText();

async function mapPlotted(page) {
  const map = page.locator('.map[data-plotted]').first();
  await map.waitFor();
  await page.waitForFunction(() => Number(document.querySelector('.map')?.dataset.plotted) > 0);
  return Number(await map.getAttribute('data-plotted'));
}

const flows = {
  async 'search-network'(page, [search, networkName]) {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('multi-network').waitFor();
    await audit(page, '/');
    await page.getByRole('searchbox').fill(search);
    await page.getByRole('link', { name: networkName, exact: true }).click();
    const count = await text(page, '[data-testid="member-count"]');
    const plotted = await mapPlotted(page);
    await page.locator('[data-testid="members-table"] tbody tr').first().waitFor();
    await audit(page, page.url());
    return { url: page.url(), memberCount: Number(count.replace(/,/g, '')), plotted };
  },

  async school(page, [urn]) {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('searchbox').fill(urn);
    await page.locator(`a[href^="/schools/${urn}"]`).first().click();
    await page.locator('[data-testid="school-networks"] tbody tr').first().waitFor();
    await audit(page, page.url());
    const networks = await page.locator('[data-testid="school-networks"] tbody tr td:first-child').allInnerTexts();
    return { url: page.url(), title: await text(page, 'h1'), networks };
  },

  async overlaps(page) {
    await page.goto(`${baseUrl}/overlaps`);
    await page.getByTestId('heatmap').waitFor();
    await audit(page, '/overlaps');
    const cells = page.locator('[data-testid="heatmap"] button:not([disabled])');
    const labels = await cells.evaluateAll((bs) => bs.map((b) => ({ kind: b.dataset.kind, otherKind: b.dataset.otherKind, shared: Number(b.textContent.replace(/,/g, '')) })));
    const largest = labels.reduce((best, c, i) => (c.shared > labels[best].shared ? i : best), 0);
    await cells.nth(largest).click();
    const rows = page.locator('[data-testid="pairs"] tbody tr');
    await rows.first().waitFor();
    const pairs = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.innerText)));
    await rows.first().getByRole('button', { name: 'Show on the map' }).click();
    const plotted = await mapPlotted(page);
    await page.locator('.graph canvas').first().waitFor();
    await audit(page, '/overlaps with a pair');
    return { cell: labels[largest], pairs, plotted };
  },

  async 'as-of'(page, [id, first, second]) {
    await page.goto(`${baseUrl}/networks/${encodeURIComponent(id)}?asOf=${first}`);
    const count = page.getByTestId('member-count');
    const before = await count.innerText();
    await page.locator('#as-of').fill(second);
    await page.waitForURL((url) => url.searchParams.get('asOf') === second);
    await page.waitForFunction((old) => document.querySelector('[data-testid="member-count"]')?.innerText !== old
      && document.querySelector('h1'), before);
    const after = await count.innerText();
    await audit(page, page.url());
    return { url: page.url(), before: Number(before.replace(/,/g, '')), after: Number(after.replace(/,/g, '')) };
  },

  async 'export-csv'(page, [id]) {
    await page.goto(`${baseUrl}/networks/${encodeURIComponent(id)}`);
    await page.locator('[data-testid="members-table"] tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the members table (CSV)' }).click(),
    ]);
    const file = path.join(outputDir, 'members.csv');
    await download.saveAs(file);
    return { file, suggested: download.suggestedFilename() };
  },

  async 'network-details'(page, [id]) {
    await page.goto(`${baseUrl}/networks/${encodeURIComponent(id)}`);
    await page.locator('[data-testid="attainment-none"], [data-testid="attainment-coverage"]').first().waitFor();
    await page.locator('[data-testid="comparison-none"], [data-testid="comparison-table"]').first().waitFor();
    await page.getByRole('heading', { name: 'Member and parent networks' }).waitFor();
    await audit(page, `${page.url()} (attainment)`);
    const shown = async (testId) => ((await page.getByTestId(testId).count()) ? page.getByTestId(testId).innerText() : null);
    const links = (testId) => page.locator(`[data-testid="${testId}"] li a`).allInnerTexts();
    return {
      attainmentNone: await shown('attainment-none'),
      attainmentRows: await page.locator('[data-testid="attainment"] .bar-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText)),
      comparisonNone: await shown('comparison-none'),
      memberNetworks: await links('member-networks'),
      parentNetworks: await links('parent-networks'),
      memberNetworksNone: await shown('member-networks-none'),
      parentNetworksNone: await shown('parent-networks-none'),
    };
  },

  async 'rate-limited'(page) {
    const refused = [];
    page.on('response', (r) => { if (r.url().endsWith('/graphql') && r.status() === 429) refused.push(Number(r.headers()['retry-after'])); });
    await page.goto(`${baseUrl}/`);
    await page.getByRole('searchbox').fill('academy'); // a second request, in case the first one fitted in the budget
    const alert = page.getByRole('alert').filter({ hasText: 'Retry after' }).first();
    await alert.waitFor();
    await audit(page, '/ (rate limited)');
    return { message: await alert.innerText(), retryAfter: refused };
  },

  async keyboard(page, [search, networkName]) {
    await page.goto(`${baseUrl}/`);
    const focused = () => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role'), text: document.activeElement?.textContent ?? '' }));
    let tabs = 0;
    for (; tabs < 20 && (await focused()).role !== 'searchbox'; tabs++) await page.keyboard.press('Tab');
    if ((await focused()).role !== 'searchbox') throw new Error('20 presses of Tab did not reach the search box');
    await page.keyboard.type(search);
    await page.getByRole('link', { name: networkName, exact: true }).waitFor();
    let toResult = 0;
    for (; toResult < 60 && (await focused()).text !== networkName; toResult++) await page.keyboard.press('Tab');
    if ((await focused()).text !== networkName) throw new Error(`60 presses of Tab did not reach the result ${networkName}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: networkName }).waitFor();
    await audit(page, page.url());
    return { url: page.url(), tabsToSearch: tabs, tabsToResult: toResult, title: await text(page, 'h1') };
  },

  async 'overlap-filters'(page) {
    await page.goto(`${baseUrl}/overlaps?asOf=2019-09-01&kinds=DIOCESE&laCode=850`);
    await page.getByTestId('heatmap').waitFor();
    const checked = async (label) => page.getByRole('checkbox', { name: label }).isChecked();
    const read = { diocese: await checked('Diocese'), la: await page.getByLabel('LA code').inputValue() };
    await page.getByRole('checkbox', { name: 'Multi academy trust' }).check();
    await page.getByLabel('Phase').fill('Primary');
    await page.waitForURL((url) => url.searchParams.get('phase') === 'Primary' && url.searchParams.get('kinds')?.includes('MULTI_ACADEMY_TRUST'));
    await page.reload();
    await page.getByTestId('heatmap').waitFor();
    await audit(page, page.url());
    return { read, url: page.url(), afterReload: { trust: await checked('Multi academy trust'), phase: await page.getByLabel('Phase').inputValue() } };
  },

  async 'not-found'(page) {
    const seen = [];
    for (const where of ['/networks/UGFydG5lcnNoaXA6OTk5OTk5OQ==', '/schools/999999999', '/no-such-page']) {
      const response = await page.goto(`${baseUrl}${where}`);
      if (where === '/no-such-page' ? response.status() !== 404 : !response.ok()) throw new Error(`GET ${where} answered HTTP ${response.status()}`);

      await page.getByRole('heading', { name: 'Not found' }).waitFor();
      await audit(page, where);
      await page.getByRole('link', { name: /Back to the home page/ }).click();
      await page.getByRole('searchbox').waitFor();
      seen.push({ where, back: new URL(page.url()).pathname });
    }
    await page.goto(`${baseUrl}/networks/UGFydG5lcnNoaXA6OTk5OTk5OQ==`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    return { seen };
  },
};

async function run() {
  if (!flows[flow]) throw new Error(`unknown flow '${flow}'; flows: ${Object.keys(flows).join(', ')}`);
  mkdirSync(outputDir, { recursive: true });
  const problems = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: TIMEOUT_MS });
  try {
    // axe is evaluated as a script: bypass the page's Content-Security-Policy for it (the app itself needs no bypass).
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 }, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    let result;
    try {
      result = await flows[flow](page, args);
    } finally {
      await page.screenshot({ path: path.join(outputDir, `${flow}.png`), fullPage: true }).catch(() => {});
    }
    // The not-found flow's unknown route is a server 404, which Chromium logs as a console error by design; so is a 429 in the rate-limited flow (the answer that flow is about).
    const expected = { 'not-found': '404', 'rate-limited': '429' }[flow];
    const errors = problems.filter((p) => !(expected && p.includes(expected)));
    if (errors.length) throw new Error(errors.slice(0, 5).join('; '));
    return result;
  } finally {
    await browser.close();
  }
}

try {
  const result = await run();
  process.stdout.write(`${JSON.stringify({ ok: true, ...result, audits })}\n`);
} catch (e) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(e.message ?? e), audits })}\n`);
  process.exitCode = 1;
}
