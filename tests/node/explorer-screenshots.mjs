// Takes the screenshots in docs/explorer/ (one viewport of each page; not part of the test suite):
//
//   node explorer-screenshots.mjs <baseUrl> <networkId> <urn> <outputDir>
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, networkId, urn, outputDir] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  page.setDefaultTimeout(60_000);
  const shot = (name) => page.screenshot({ path: path.join(outputDir, `${name}.png`) });

  await page.goto(`${baseUrl}/?asOf=2022-04-20`);
  await page.getByTestId('multi-network').waitFor();
  await page.getByRole('searchbox').fill('shepherd');
  await page.locator('.search-results li').first().waitFor();
  await shot('home');

  await page.goto(`${baseUrl}/networks/${encodeURIComponent(networkId)}?asOf=2022-04-20`);
  await page.waitForFunction(() => Number(document.querySelector('.map')?.dataset.plotted) > 0);
  await page.waitForTimeout(300);
  await shot('network');

  await page.goto(`${baseUrl}/schools/${urn}?asOf=2022-04-20`);
  await page.locator('[data-testid="school-networks"]').waitFor();
  await shot('school');

  await page.goto(`${baseUrl}/overlaps?asOf=2022-04-20`);
  await page.getByTestId('heatmap').waitFor();
  await page.locator('[data-testid="heatmap"] button[data-kind="MULTI_ACADEMY_TRUST"][data-other-kind="DIOCESE"]').click();
  await page.locator('[data-testid="pairs"] tbody tr').first().getByRole('button', { name: 'Show on the map' }).click();
  await page.waitForFunction(() => Number(document.querySelector('.map')?.dataset.plotted) > 0);
  await page.getByRole('heading', { name: 'Kind by kind' }).evaluate((h) => h.scrollIntoView());
  await page.waitForTimeout(300);
  await shot('overlaps');
} finally {
  await browser.close();
}
