/**
 * The offline course: one visit with the network, then the network is cut (for the page, the
 * service worker and the Python worker alike) and the course keeps working from the site's
 * service worker's cache: an exercise from starter to solution, a reload showing the saved code,
 * another lesson, the playground and the scenario catalog.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { offlineManifest, serviceWorkerScript } from '../../scripts/lib/offline-manifest.mjs';
import { run, typeCode } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');
const scenario = JSON.parse(readFileSync(join(ROOT, 'content/scenarios/missing-credentials.json'), 'utf8')) as { solution: string };

/** The header's offline state (the mobile menu's copy is hidden on a wide screen). */
const offlineStatus = (page: Page) => page.locator('header fix401-offline .offline-text');

/** The build id of the worker controlling the page, as it reports it. */
function controllerBuild(): Promise<string> {
  return new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', function listen(event: MessageEvent<{ type?: string; build?: string }>) {
      if (event.source !== navigator.serviceWorker.controller || event.data?.type !== 'fix401:offline') return;
      navigator.serviceWorker.removeEventListener('message', listen);
      resolve(event.data.build ?? '');
    });
    navigator.serviceWorker.controller?.postMessage({ type: 'fix401:offline-status' });
  });
}

/** A same-origin URL no page ever fetched: only the network could answer it. */
async function fetchUncached(page: Page, where: 'page' | 'python worker'): Promise<string> {
  const probe = `/favicon.svg?probe=${Date.now()}`;
  const fetchIt = (url: string) =>
    fetch(url).then(
      (r) => `HTTP ${r.status}`,
      (e: unknown) => `failed: ${String(e)}`,
    );
  if (where === 'page') return page.evaluate(fetchIt, probe);
  const worker = page.workers().find((w) => w.url().includes('python.worker'));
  if (!worker) throw new Error('no Python worker on the page');
  return worker.evaluate(fetchIt, new URL(probe, page.url()).href);
}

/** The URLs whose path contains `part` in the service worker's offline caches (not the snapshot's cache). */
function offlineCopies(page: Page, part: string): Promise<string[]> {
  return page.evaluate(async (part) => {
    const found: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith('fix401-offline-')) continue;
      for (const request of await (await caches.open(name)).keys())
        if (new URL(request.url).pathname.includes(part)) found.push(request.url);
    }
    return found;
  }, part);
}

test('after one visit the course works offline: an exercise from starter to solution, its saved code after a reload, other pages', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto('/lessons/missing-credentials/');
  const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
  await exercise.scrollIntoViewIfNeeded();
  // Pre-boot downloads Python once an exercise is on screen, and nothing more while the learner only reads.
  await expect(exercise.locator('[data-part="runtime"]')).toContainText(/Python 3\.\d+\.\d+ ready/, { timeout: 90_000 });
  await page.waitForTimeout(2000);
  await expect(offlineStatus(page)).toHaveText(''); // neither saving nor saved: it offers "Make available offline"
  // Python's files came through the service worker without a copy into its cache (copying them
  // slowed the boot); the course's save takes them from the HTTP cache later.
  expect(await offlineCopies(page, '/pyodide/')).toEqual([]);
  // The first Run saves the rest of the course in the background.
  expect(await run(exercise)).toMatch(/^401$/m);
  await expect(offlineStatus(page)).toHaveText('Available offline', { timeout: 180_000 });
  await expect(offlineStatus(page)).toHaveAttribute('role', 'status');
  expect((await offlineCopies(page, '/pyodide/')).some((url) => url.endsWith('.wasm'))).toBe(true);

  await context.setOffline(true);
  // The network is really gone for the page's service worker and for the Python worker's requests.
  expect(await fetchUncached(page, 'page')).toMatch(/^failed/);
  expect(await fetchUncached(page, 'python worker')).toMatch(/^failed/);

  // A reload without the network: the lesson, Python and the practice API all come from the cache.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('missing or invalid credentials');
  const starter = await run(exercise);
  expect(starter).toMatch(/^401$/m);
  await expect(exercise.getByRole('status')).toContainText('Not yet');
  await typeCode(exercise, scenario.solution);
  expect(await run(exercise)).toMatch(/^200$/m);
  await expect(exercise.getByRole('status')).toContainText('Solved');

  // Progress and code are this browser's storage, as online: a reload shows the solved code.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('missing or invalid credentials');
  await expect(exercise.locator('[data-part="editor"]')).toContainText('tok_live_8f2c4e9a1b7d3f');
  await expect(offlineStatus(page)).toHaveText('Available offline');

  // Pages never visited online.
  await page.goto('/lessons/basic-vs-digest/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const other = page.locator('fix401-exercise[data-mode="exercise"]').first();
  expect(await run(other)).toMatch(/^\d{3}\b/m);
  await page.goto('/playground/');
  await expect(page.locator('fix401-exercise')).toBeVisible();
  expect(await run(page.locator('fix401-exercise'))).not.toContain('Traceback');
  await page.goto('/scenarios/');
  await expect(page.locator('form[data-link-builder="missing-credentials"]')).toHaveCount(1);

  expect(await fetchUncached(page, 'page')).toMatch(/^failed/);
  expect(errors).toEqual([]);
});

test('a learner who skipped the runtime (saving data) gets nothing unasked, and "Make available offline" saves the course', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'connection', {
      configurable: true,
      get: () => ({ saveData: true, effectiveType: '4g', addEventListener() {}, removeEventListener() {} }),
    }),
  );
  const fetched: string[] = [];
  // The context sees the service worker's requests too.
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/lessons/anatomy-of-a-post/');
  await page.locator('fix401-exercise').first().scrollIntoViewIfNeeded();
  // Longer than the idle pre-boot's deadline: no runtime, no other page, no service worker.
  await page.waitForTimeout(4500);
  expect(fetched.filter((p) => p.includes('/pyodide/') || p.startsWith('/lessons/basic-vs-digest'))).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);

  const action = page.locator('header fix401-offline').getByRole('button', { name: 'Make available offline' });
  await action.click();
  await expect(offlineStatus(page)).toHaveText('Available offline', { timeout: 180_000 });
  expect(fetched.some((p) => p.includes('/pyodide/') && p.endsWith('.wasm'))).toBe(true);
});

test('a new deploy waits while a page is open (which keeps working), offers a reload, and the reload shows the new version offline-ready', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // A copy of the build, served by a server of its own, so the test can "deploy" into it.
  const site = mkdtempSync(join(tmpdir(), 'fix401-deploy-'));
  cpSync(resolve(ROOT, process.env.FIX401_DIST ?? 'dist'), site, { recursive: true });
  const port = Number(process.env.FIX401_PORT ?? 4399) + 2000;
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), `--port=${port}`, `--dir=${site}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((ready) => server.stdout!.once('data', () => ready()));
    const origin = `http://localhost:${port}`;
    await page.goto(`${origin}/lessons/missing-credentials/`);
    const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
    await exercise.scrollIntoViewIfNeeded();
    expect(await run(exercise)).toMatch(/^401$/m);
    await expect(offlineStatus(page)).toHaveText('Available offline', { timeout: 180_000 });
    const before = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

    // The deploy: the lesson's page changes (its precompressed copies go), so does the worker's build id.
    const lesson = join(site, 'lessons/missing-credentials/index.html');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(/(<h1[^>]*>)/, '$1Deployed again: '));
    rmSync(`${lesson}.br`, { force: true });
    rmSync(`${lesson}.gz`, { force: true });
    const source = readFileSync(join(ROOT, 'src/offline/service-worker.js'), 'utf8');
    const deployed = offlineManifest(site, '/', source);
    writeFileSync(join(site, 'sw.js'), serviceWorkerScript(deployed, source));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    // The open page is told, not reloaded; it still runs code under the worker it started with.
    const header = page.locator('header fix401-offline');
    await expect(header.getByRole('button', { name: 'Reload' })).toBeVisible({ timeout: 120_000 });
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Deployed again');
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(before);
    expect(await run(exercise)).toMatch(/^401$/m);

    await header.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Deployed again', { timeout: 60_000 });
    // The page is served by the new deploy's worker (it says its build), not the old one fetching new pages.
    await expect.poll(() => page.evaluate(controllerBuild), { timeout: 60_000 }).toBe(deployed.build);
    // The new version was saved before it took over, and the old copy is kept for pages still open elsewhere.
    await expect(offlineStatus(page)).toHaveText('Available offline');
    const names = await page.evaluate(() => caches.keys());
    expect(names.filter((n) => n.startsWith('fix401-offline-'))).toHaveLength(2);
  } finally {
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
});
