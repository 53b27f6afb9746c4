/**
 * A subpath build (`BASE_PATH=/fix401/`) served under /fix401/ by a server that adds no headers of
 * ours (`serve.mjs --plain`: no CSP, no Cache-Control, no compression), as a course site or GitHub
 * Pages would serve it. The build is shared with the Firefox and WebKit suites
 * (scripts/lib/subpath-build.mjs): FIX401_SUBPATH_DIST names an existing one, else it is built here.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUBPATH_BASE, subpathDist } from '../../scripts/lib/subpath-build.mjs';
import { run, typeCode } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const BASE = SUBPATH_BASE;
// Next to FIX401_PORT's server (+1000), so engineers who each set their own FIX401_PORT never collide.
const PORT = Number(process.env.FIX401_SUBPATH_PORT ?? (process.env.FIX401_PORT ? Number(process.env.FIX401_PORT) + 1000 : 4398));
const ORIGIN = `http://localhost:${PORT}`;
let DIST = '';
const scenario = JSON.parse(readFileSync(join(ROOT, 'content/scenarios/anatomy-json-body.json'), 'utf8')) as { solution: string };

let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  DIST = subpathDist();
  server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), `--port=${PORT}`, `--dir=${DIST}`, `--base=${BASE}`, '--plain'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    server!.stdout!.once('data', () => ready());
    server!.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
});

test.afterAll(() => {
  server?.kill();
});

/** Every request the page makes to the site's own origin, and those that failed. */
function watchOrigin(page: Page) {
  const paths: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === ORIGIN) paths.push(url.pathname);
  });
  page.on('response', (r) => {
    if (new URL(r.url()).origin === ORIGIN && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return { paths, failed };
}

test('the plain server sends no headers of ours', async ({ request }) => {
  const core = readdirSync(join(DIST, 'pyodide')).find((dir) => existsSync(join(DIST, 'pyodide', dir, 'pyodide.asm.wasm')));
  const response = await request.get(`${ORIGIN}${BASE}pyodide/${core}/pyodide.asm.wasm`, { headers: { 'accept-encoding': 'gzip, br' } });
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-security-policy']).toBeUndefined();
  expect(headers['cache-control']).toBeUndefined();
  expect(headers['content-encoding']).toBeUndefined();
  expect((await request.get(`${ORIGIN}/lessons/anatomy-of-a-post/`)).status()).toBe(404);
  expect(readFileSync(join(DIST, '_headers'), 'utf8')).toMatch(/^\/fix401\/\*$/m);
});

test('the first lesson with an exercise runs under /fix401/: starter fails, solution passes, links stay under the base', async ({
  page,
}) => {
  const seen = watchOrigin(page);
  await page.goto(`${ORIGIN}${BASE}lessons/anatomy-of-a-post/`);
  const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();

  const starter = await run(exercise);
  expect(starter).toMatch(/^415$/m);
  await expect(exercise.getByRole('status')).toContainText('Not yet');
  await typeCode(exercise, scenario.solution);
  expect(await run(exercise)).toMatch(/^201$/m);
  await expect(exercise.getByRole('status')).toContainText('Solved');

  // The mock's service worker lives under the base, and so does everything the page fetched.
  const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
  expect(scopes).toEqual([`${ORIGIN}${BASE}`]);
  expect(seen.paths.filter((p) => !p.startsWith(BASE))).toEqual([]);
  // Python's archives come packed (scripts/lib/solid-archive.mjs), from under the base too.
  expect(seen.paths.some((p) => p.startsWith(`${BASE}pyodide/`) && p.endsWith('.whl.zst'))).toBe(true);
  expect(seen.failed).toEqual([]);

  // Links in the lesson's prose and the site's chrome, and the share link.
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(10);
  expect(hrefs.filter((h) => !h.startsWith(BASE))).toEqual([]);
  await exercise.getByRole('button', { name: 'Share' }).click();
  await expect(exercise.locator('[data-part="share-url"]')).toHaveValue(
    new RegExp(`^${ORIGIN}${BASE}playground/\\?scenario=anatomy-json-body#code=`),
  );
});

test('an embed link copied from the scenario catalog opens and passes under /fix401/', async ({ page }) => {
  const seen = watchOrigin(page);
  await page.goto(`${ORIGIN}${BASE}scenarios/`);
  const item = page.locator('li', { has: page.locator('form[data-link-builder="anatomy-json-body"]') });
  await item.getByText('Build a link').click();
  await item.getByLabel('Open with').selectOption('solution');
  await item.getByLabel('Page').selectOption('embed');
  const link = (await item.locator('output').textContent())!;
  expect(link).toBe(`${ORIGIN}${BASE}embed/anatomy-json-body/?code=solution`);

  await page.goto(link);
  const exercise = page.locator('fix401-exercise');
  await expect(exercise.locator('[data-part="editor"]')).toContainText('json=payload');
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise.getByRole('status')).toContainText('Solved', { timeout: 45_000 });
  await expect(page.getByRole('link', { name: 'Fix401', exact: true })).toHaveAttribute('href', BASE);
  expect(seen.paths.filter((p) => !p.startsWith(BASE))).toEqual([]);
  expect(seen.failed).toEqual([]);
});
