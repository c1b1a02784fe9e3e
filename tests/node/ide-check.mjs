// Checks the GraphiQL IDE as a person would use it: open <baseUrl>/graphql in
// headless Chromium, replace the query, press the run button and wait for the
// answer to show in the result pane.
//
//   node ide-check.mjs <baseUrl> [screenshotPath]
//
// Prints one JSON line: {"ok":true,"result":"..."} and exits 0, or
// {"ok":false,"error":"..."} and exits 1.
import { chromium } from 'playwright-core';

// Named as the IDE's default query is: GraphiQL takes the operation name from the editor a moment after each change,
// and on a busy machine the run button could otherwise send the new text with the old name (INVALID_OPERATION_NAME).
const QUERY = 'query Establishments { __typename establishments(first: 1) { totalCount } }';
const TIMEOUT_MS = 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const QUERY_EDITOR = '.graphiql-query-editor .monaco-editor';
const RESPONSE_EDITOR = '.graphiql-response .monaco-editor';
const EXECUTE_BUTTON = 'button.graphiql-execute-button';

function report(obj, code) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
  process.exitCode = code;
}

// Text shown by a monaco editor (its rendered lines; monaco renders spaces as
// non-breaking spaces).
async function editorText(page, selector) {
  return page.locator(`${selector} .view-lines`).first().evaluate((el) =>
    Array.from(el.querySelectorAll('.view-line'))
      .sort((a, b) => parseFloat(a.style.top || '0') - parseFloat(b.style.top || '0'))
      .map((line) => line.textContent.replace(/\u00a0/g, ' '))
      .join('\n'),
  );
}

const squash = (s) => s.replace(/\s+/g, '');

async function run(baseUrl, screenshotPath) {
  const pageUrl = `${baseUrl.replace(/\/+$/, '')}/graphql`;
  const problems = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: TIMEOUT_MS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    const details = () => (problems.length ? ` (${problems.slice(0, 5).join('; ')})` : '');

    // 1. The page, fetched as a browser does (Accept: text/html...).
    const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: TIMEOUT_MS });
    if (!response) throw new Error(`no response for ${pageUrl}`);
    if (!response.ok()) throw new Error(`GET ${pageUrl} answered HTTP ${response.status()}`);
    const contentType = response.headers()['content-type'] || '';
    if (!contentType.includes('text/html')) {
      throw new Error(`GET ${pageUrl} answered ${contentType || 'no content type'}, not text/html`);
    }

    // 2. The GraphiQL query editor, rendered by monaco.
    try {
      await page.locator(`${QUERY_EDITOR} .view-lines`).first().waitFor({ state: 'visible' });
      await page.locator(EXECUTE_BUTTON).waitFor({ state: 'visible' });
    } catch {
      throw new Error(`GraphiQL editor did not appear at ${pageUrl}${details()}`);
    }

    // 3. Replace the query: focus the editor, select all, then paste the text
    // (a paste event carrying it). Typing or inserting it would fight monaco's
    // auto-closing brackets, which leaves a stray "}".
    await page.locator(`${QUERY_EDITOR} .view-lines`).first().click();
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+A' : 'Control+A');
    await page.evaluate((text) => {
      const target = document.activeElement;
      if (!target || target === document.body) throw new Error('the query editor did not take focus');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, QUERY);
    await page.waitForFunction(
      ([sel, want]) => {
        const el = document.querySelector(`${sel} .view-lines`);
        return el && el.textContent.replace(/\s+/g, '') === want;
      },
      [QUERY_EDITOR, squash(QUERY)],
      { timeout: 10_000 },
    ).catch(async () => {
      const got = await editorText(page, QUERY_EDITOR).catch(() => '?');
      throw new Error(`could not set the query; editor shows: ${JSON.stringify(got)}`);
    });

    // 4. Run it, and keep the HTTP answer for a strict check.
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && (r.request().postData() || '').includes('establishments'),
      { timeout: TIMEOUT_MS },
    );
    answer.catch(() => {}); // handled below; avoids an unhandled rejection if the click throws
    await page.locator(EXECUTE_BUTTON).click();
    const graphqlResponse = await answer.catch(() => {
      throw new Error(`pressing run sent no POST with the query${details()}`);
    });

    // 5. The answer is a success: HTTP 2xx, JSON, data present, no errors.
    // (On a failure, wait briefly for the pane only to report what it shows.)
    const status = graphqlResponse.status();
    const body = await graphqlResponse.json().catch(() => undefined);
    let failure = null;
    if (body === undefined) failure = `POST answered HTTP ${status} with a body that is not JSON`;
    else if (status < 200 || status > 299) failure = `POST answered HTTP ${status}`;
    else if (body.errors) failure = `query answered errors: ${JSON.stringify(body.errors)}`;
    else if (typeof body?.data?.establishments?.totalCount !== 'number') {
      failure = `answer has no data.establishments.totalCount: ${JSON.stringify(body)}`;
    }

    // 6. The result pane shows the answer.
    const paneShows = (want) =>
      page.waitForFunction(
        ([sel, text]) => {
          const el = document.querySelector(`${sel} .view-lines`);
          return el && el.textContent.trim() !== '' && el.textContent.includes(text);
        },
        [RESPONSE_EDITOR, want],
        { timeout: failure ? 10_000 : TIMEOUT_MS },
      );
    const paneOk = await paneShows(failure ? '' : '"totalCount"').then(() => true, () => false);
    const shown = (await editorText(page, RESPONSE_EDITOR).catch(() => '')).trim();
    if (screenshotPath) await page.screenshot({ path: screenshotPath });
    if (failure) throw new Error(`${failure}; result pane shows: ${JSON.stringify(shown)}${details()}`);
    if (!paneOk) {
      throw new Error(`result pane never showed "totalCount"; it shows: ${JSON.stringify(shown)}${details()}`);
    }
    // 7. The page ran under the server's Content-Security-Policy and nothing it needs was blocked by it.
    const policy = response.headers()['content-security-policy'] || '';
    if (!policy.includes("script-src 'self'")) throw new Error(`the IDE page has no script-src 'self' policy: ${JSON.stringify(policy)}`);
    const blocked = problems.filter((p) => /Content Security Policy|Refused to/i.test(p));
    if (blocked.length) throw new Error(`the Content-Security-Policy blocked: ${blocked.slice(0, 3).join('; ')}`);
    return shown;
  } finally {
    await browser.close();
  }
}

const [baseUrl, screenshotPath] = process.argv.slice(2);
if (!baseUrl) {
  report({ ok: false, error: 'usage: node ide-check.mjs <baseUrl> [screenshotPath]' }, 1);
} else {
  try {
    const result = await run(baseUrl, screenshotPath);
    report({ ok: true, result }, 0);
  } catch (e) {
    report({ ok: false, error: String(e?.message || e).split('\n')[0] }, 1);
  }
}
