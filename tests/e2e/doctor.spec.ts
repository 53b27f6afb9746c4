/**
 * The 401 doctor (/doctor/): every case of tests/fixtures/doctor/ pasted into the page
 * ranks its cause first (the code read by Python's ast in the worker); nothing pasted leaves the
 * page; secrets stay masked until revealed; axe, a 390 px screen and the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Fixture {
  name: string;
  expect: string;
  code: string;
  response: string;
}

const dir = join(import.meta.dirname, '../fixtures/doctor');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

async function diagnose(page: Page, code: string, response: string) {
  const region = page.getByRole('region', { name: 'Diagnosis' });
  const before = Number((await region.getAttribute('data-diagnosed')) ?? '0');
  await page.getByLabel('Your code', { exact: true }).fill(code);
  await page.getByLabel('The response you got', { exact: true }).fill(response);
  await page.getByRole('button', { name: 'Diagnose' }).click();
  await expect(region).toHaveAttribute('data-diagnosed', String(before + 1), { timeout: 45_000 });
  return region;
}

test(`all ${fixtures.length} fixture cases rank their cause first, and nothing leaves the page`, async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const foreign: string[] = [];
  const leaked: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!)) foreign.push(request.url());
    const sent = `${request.url()} ${request.postData() ?? ''}`;
    if (/tok_live_8f2c4e9a1b7d3f|ghp_16C7e42F|ATATT3xFfGF0/.test(sent)) leaked.push(request.url());
  });
  await page.goto('/doctor/');
  const wrong: string[] = [];
  for (const fixture of fixtures) {
    const region = await diagnose(page, fixture.code, fixture.response);
    const first = await region.locator('.doctor-cause').first().getAttribute('data-cause');
    if (first !== fixture.expect) wrong.push(`${fixture.name}: got ${first}, want ${fixture.expect}`);
  }
  expect(wrong).toEqual([]);
  expect(foreign).toEqual([]);
  expect(leaked).toEqual([]);
  // Nothing pasted is stored.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('tok_live_8f2c4e9a1b7d3f');
});

test('evidence shows the sent header and the code line, secrets masked until revealed', async ({ page }) => {
  await page.goto('/doctor/');
  const region = await diagnose(
    page,
    "import requests\nr = requests.get('https://api.example.com/items', headers={'Authorization': 'tok_live_8f2c4e9a1b7d3f'})\n",
    '> GET /items HTTP/1.1\n> Host: api.example.com\n> Authorization: tok_live_8f2c4e9a1b7d3f\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer realm="api.example.com"\n<\n',
  );
  const first = region.locator('.doctor-cause').first();
  await expect(first).toHaveAttribute('data-cause', 'missing-scheme');
  await expect(first).toContainText('Line 2');
  await expect(first).toContainText('tok_…3f');
  await expect(region).not.toContainText('tok_live_8f2c4e9a1b7d3f');
  await expect(first.getByRole('link', { name: /^Lesson:/ })).toHaveAttribute('href', /\/lessons\/malformed-headers\/#seven-ways/);
  await expect(first.getByRole('link', { name: /^Practice:/ })).toHaveAttribute('href', /\/playground\/\?scenario=header-misspelled-name/);
  await region.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(first).toContainText('tok_live_8f2c4e9a1b7d3f');
});

test('axe finds no violations before and after a diagnosis, a run and a share link, in light and dark', async ({ browser }) => {
  // Two contexts, so two cold Python boots: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/doctor/');
    const check = async () =>
      (await new AxeBuilder({ page }).exclude('button[data-open-modal]').analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
    expect(await check()).toEqual([]);
    await diagnose(page, fixtures[0]!.code, fixtures[0]!.response);
    expect(await check()).toEqual([]);
    // The run's report, its inputs (a variable and ~/.netrc, each with its newline box) and the share panel.
    await diagnose(
      page,
      "import os, requests\nrequests.get('https://api.example.com/x', headers={'Authorization': os.environ['API_TOKEN']})",
      '',
    );
    await page.getByRole('button', { name: 'Run it against your response' }).click();
    await expect(page.locator('[data-doctor-run-status]')).toContainText('Run finished', { timeout: 45_000 });
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByLabel('Share link', { exact: true })).toBeVisible();
    expect(await check()).toEqual([]);
    await context.close();
  }
});

test('works at 390 px wide with the keyboard alone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/doctor/');
  const code = page.getByLabel('Your code', { exact: true });
  await code.focus();
  await page.keyboard.insertText(
    "import os, requests\ntoken = os.getenv('API_KEY')\nrequests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {token}'})",
  );
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('The response you got', { exact: true })).toBeFocused();
  await page.keyboard.insertText('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="x", error="invalid_token"\n\n');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Diagnose' })).toBeFocused();
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'Diagnosis' });
  await expect(region).toHaveAttribute('data-diagnosed', '1', { timeout: 45_000 });
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'getenv-none');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // On with Tab alone: the variable's masked input, its newline box, then "Run it" (Space ticks, Enter presses).
  const tabTo = async (target: ReturnType<Page['getByRole']>) => {
    for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  };
  await tabTo(page.getByRole('textbox', { name: /^API_KEY/ }));
  await page.keyboard.insertText('tok_live_8f2c4e9a1b7d3f');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'ends with a newline (API_KEY)' })).toBeFocused();
  await page.keyboard.press('Space');
  await tabTo(page.getByRole('button', { name: 'Run it against your response' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-doctor-run-status]')).toContainText('Run finished', { timeout: 45_000 });
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'whitespace-token');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('"Run it against your response" shows what requests sent and ranks with it', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => void (request.url().startsWith(baseURL!) || foreign.push(request.url())));
  await page.goto('/doctor/');
  const region = await diagnose(
    page,
    "import os, requests\ntoken = os.getenv('GITHUB_TOKEN')\nr = requests.get('https://api.github.com/user', headers={'Authorization': f'Bearer {token}'})\nprint(r.status_code, r.json()['message'])\n",
    'HTTP/2 401\ncontent-type: application/json\n\n{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}',
  );
  // The code reads GITHUB_TOKEN: the page asks for it (masked); left empty, it is unset.
  await expect(page.getByLabel(/^GITHUB_TOKEN/)).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Run it against your response' }).click();
  const run = page.getByRole('region', { name: 'Run it against your response' });
  await expect(run.getByRole('status')).toContainText('Run finished', { timeout: 45_000 });
  await expect(run).toContainText('GET https://api.github.com/user → 401');
  await expect(run).toContainText('Authorization: Bearer None');
  await expect(run).toContainText('401 Bad credentials');
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'getenv-none');
  await expect(region).toContainText('Authorization sent');

  // With the variable filled in, the token goes out (masked on the page), and the cause moves to the token itself.
  await page.getByLabel(/^GITHUB_TOKEN/).fill('ghp_16C7e42F292c6912E7710c838347Ae178B4a');
  await page.getByRole('button', { name: 'Run it against your response' }).click();
  await expect(run.getByRole('status')).toContainText('Run finished', { timeout: 45_000 });
  await expect(run).toContainText('Bearer ghp_…4a');
  await expect(run).not.toContainText('ghp_16C7e42F292c6912E7710c838347Ae178B4a');
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'invalid-token');
  expect(foreign).toEqual([]);
});

test('a run follows the pasted redirect and shows Authorization dropped for the other host', async ({ page }) => {
  await page.goto('/doctor/');
  await diagnose(
    page,
    "import requests\nr = requests.get('https://api.example.com/v1/report', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'})\nprint(r.status_code, r.history)\n",
    'HTTP/1.1 302 Found\nLocation: https://files.example.net/report\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="files"\n\n',
  );
  await page.getByRole('button', { name: 'Run it against your response' }).click();
  const run = page.getByRole('region', { name: 'Run it against your response' });
  await expect(run.getByRole('status')).toContainText('Run finished', { timeout: 45_000 });
  await expect(run).toContainText('Request 2: GET https://files.example.net/report → 401');
  await expect(run).toContainText('No Authorization header was sent.');
  await expect(run).toContainText('401 [<Response [302]>]');
  await expect(page.getByRole('region', { name: 'Diagnosis' }).locator('.doctor-cause').first()).toHaveAttribute(
    'data-cause',
    'redirect-strips-auth',
  );
});

test('a file the code reads is a masked page input; a value ending with a newline gives InvalidHeader', async ({ page }) => {
  await page.goto('/doctor/');
  const region = await diagnose(
    page,
    "import requests\ntoken = open('token.txt').read()\nr = requests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {token}'})\nprint(r.status_code)\n",
    'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api.example.com", error="invalid_token"\n\n',
  );
  const file = page.getByLabel(/^token\.txt \(a file your code reads/);
  await expect(file).toHaveAttribute('type', 'password');
  await file.fill('tok_live_8f2c4e9a1b7d3f');
  await page.getByRole('checkbox', { name: 'ends with a newline (token.txt)' }).check();
  await page.getByRole('button', { name: 'Run it against your response' }).click();
  const run = page.getByRole('region', { name: 'Run it against your response' });
  await expect(run.getByRole('status')).toContainText('Run finished', { timeout: 45_000 });
  await expect(run).toContainText('InvalidHeader');
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'whitespace-token');
  await expect(page.locator('body')).not.toContainText('tok_live_8f2c4e9a1b7d3f');

  // Without the newline the same file is read cleanly: the token goes out and the cause moves to the token itself.
  await page.getByRole('checkbox', { name: 'ends with a newline (token.txt)' }).uncheck();
  await page.getByRole('button', { name: 'Run it against your response' }).click();
  await expect(run).toContainText('Bearer tok_…3f', { timeout: 45_000 });
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'invalid-token');
});

test('a share link drops the secrets, warns about the unsure ones first, and opens diagnosed', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('/doctor/');
  const code =
    "import requests\nAPI_SIGNING = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b'\nr = requests.get('https://api.github.com/user', headers={'Authorization': 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'})\n";
  const response =
    '> GET /user HTTP/2\n> authorization: ghp_16C7e42F292c6912E7710c838347Ae178B4a\n>\n< HTTP/2 401\n< content-type: application/json\n<\n{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}';
  await page.getByLabel('Your code', { exact: true }).fill(code);
  await page.getByLabel('The response you got', { exact: true }).fill(response);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  // One string it cannot place: nothing is copied until the learner has seen it and says so.
  const status = page.locator('[data-doctor-status]');
  await expect(status).toHaveText('Not copied yet: check the strings listed under the share link first.');
  await expect(page.getByText('9a8b… (28 characters)')).toBeVisible();
  await expect(page.getByText(/Removed before sharing .*2 × a GitHub token/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy the link anyway' }).click();
  await expect(status).toHaveText('Share link copied, without the secrets the doctor recognised.');
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(new RegExp(`^${baseURL}/doctor/#code=[A-Za-z0-9+$-]+&response=[A-Za-z0-9+$-]+$`));

  // Opened in a fresh tab: both fields filled, the secret gone, the diagnosis made.
  const opened = await context.newPage();
  await opened.goto(link);
  const region = opened.getByRole('region', { name: 'Diagnosis' });
  await expect(region).toHaveAttribute('data-diagnosed', '1', { timeout: 45_000 });
  const sharedCode = await opened.getByLabel('Your code', { exact: true }).inputValue();
  expect(sharedCode).toContain("headers={'Authorization': '<redacted>'}");
  expect(sharedCode).toContain('9a8b7c6d5e4f3a2b1c0d9e8f7a6b');
  await expect(opened.getByLabel('The response you got', { exact: true })).toHaveValue(/> authorization: <redacted>/);
  expect(sharedCode + (await opened.getByLabel('The response you got', { exact: true }).inputValue())).not.toContain('ghp_16C7e42F');
  await expect(region.locator('.doctor-cause').first()).toHaveAttribute('data-cause', 'missing-scheme');
  await context.close();
});
