import { expect, test, type Page } from '@playwright/test';
import { run } from './helpers';
import { slowLink } from './slow-link';

/** gzip bytes of the scripts the page itself fetched (the server compresses, as a host would). */
function pageScriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js(\?|$)/.test(e.name) && !e.name.includes('python.worker'))
      .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
  );
}

test('a lesson pre-boots Python on idle with under 40 KB of page script, and the mock answers after navigating', async ({ page }) => {
  await page.goto('/lessons/anatomy-of-a-post/');
  const exercise = page.locator('fix401-exercise').first();
  // No click, no focus: the exercise is on screen and the page goes idle.
  await expect(exercise.locator('[data-part="runtime"]')).toContainText(/Python 3\.\d+\.\d+ ready/, { timeout: 60_000 });
  expect(await pageScriptBytes(page)).toBeLessThan(40 * 1024);

  const first = await run(exercise);
  expect(first).not.toContain('ConnectionError');
  expect(first).toMatch(/^\d{3}\b/m);

  // A full navigation replaces the mock's service worker; the next page must still be mocked.
  await page.goto('/lessons/malformed-headers/');
  const next = page.locator('fix401-exercise').first();
  await expect(next.locator('[data-part="runtime"]')).toContainText('ready', { timeout: 60_000 });
  const output = await run(next);
  expect(output).not.toContain('ConnectionError');
  expect(output).toMatch(/^\d{3}\b/m);
});

test('a browser that has booted Python before pre-boots as soon as an exercise is on screen; a first visit waits for the page to go idle', async ({
  page,
}) => {
  // This page never goes idle: requestIdleCallback never calls back.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  const pythonWorkers = () => page.workers().filter((w) => w.url().includes('python.worker'));
  await page.goto('/lessons/anatomy-of-a-post/');
  const exercise = page.locator('fix401-exercise').first();
  await exercise.scrollIntoViewIfNeeded();
  await page.waitForTimeout(3000);
  expect(pythonWorkers()).toEqual([]);

  // What src/runtime/runtime-loaded.ts remembers after a boot: Python's files are in this browser's caches.
  await page.evaluate(() => localStorage.setItem('fix401:runtime-loaded', '1'));
  await page.reload();
  const again = page.locator('fix401-exercise').first();
  await again.scrollIntoViewIfNeeded();
  await expect(again.locator('[data-part="runtime"]')).toContainText(/Python 3\.\d+\.\d+ ready/, { timeout: 60_000 });
  expect(pythonWorkers()).toHaveLength(1);
});

/** Chromium's Save-Data setting, as navigator.connection reports it (Playwright cannot switch it on). */
function saveData(page: Page) {
  return page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'connection', {
      configurable: true,
      get: () => ({ saveData: true, effectiveType: '4g', addEventListener() {}, removeEventListener() {} }),
    }),
  );
}

/** Every text the first exercise's status line shows, in order (a poll could miss a short one). */
function recordStatusTexts(page: Page) {
  return page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('fix401-exercise [data-part="runtime"]')?.textContent ?? '';
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const statusTexts = (page: Page) => page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);

test('on a data-saving connection a lesson downloads no runtime until Run; the first Run shows the download growing, a cached one none', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // Python's files at 1.5 MB/s (compressed, as sent): the download takes seconds, as on a phone.
  const link = await slowLink(baseURL!, 1_500_000);
  try {
    await saveData(page);
    await recordStatusTexts(page);
    const runtimeFiles: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.includes('/pyodide/')) runtimeFiles.push(r.url());
    });
    await page.goto(`${link.origin}/lessons/anatomy-of-a-post/`);
    const exercise = page.locator('fix401-exercise').first();
    await exercise.scrollIntoViewIfNeeded();
    // Longer than the idle pre-boot's deadline (requestIdleCallback, 3 s).
    await page.waitForTimeout(4500);
    expect(runtimeFiles).toEqual([]);
    expect(page.workers().filter((w) => w.url().includes('python.worker'))).toEqual([]);

    const runtime = exercise.locator('[data-part="runtime"]');
    await exercise.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runtime).toHaveText(/^Downloading Python: \d+\.\d of \d+\.\d MB$/, { timeout: 30_000 });
    await expect(exercise).toHaveAttribute('data-runs', '1', { timeout: 90_000 });
    await expect(runtime).toContainText(/Python 3\.\d+\.\d+ ready/);
    expect(runtimeFiles.length).toBeGreaterThan(0);
    expect(await exercise.getByRole('region', { name: 'Output' }).textContent()).toMatch(/^\d{3}\b/m);

    const texts = await statusTexts(page);
    expect(texts[0]).toBe('Downloading Python…');
    const steps = texts.flatMap((t) => {
      const m = /^Downloading Python: ([\d.]+) of ([\d.]+) MB$/.exec(t);
      return m ? [{ received: Number(m[1]), total: Number(m[2]) }] : [];
    });
    // Several reports, each further along, against one total: the files as the worker reads them (≈ 13 MB:
    // the wasm decompressed by the browser, the stdlib and wheels still packed).
    expect(steps.length, texts.join(' | ')).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.received).toBeGreaterThan(steps[i - 1]!.received);
    expect(new Set(steps.map((s) => s.total)).size).toBe(1);
    expect(steps[0]!.total).toBeGreaterThan(10);
    expect(steps.at(-1)!.received).toBeLessThanOrEqual(steps[0]!.total);

    // From the caches this boot filled (the service worker's, the memory snapshot): no download to
    // show, however long reading 15 MB out of them takes on a busy machine.
    await page.reload();
    const again = page.locator('fix401-exercise').first();
    await again.scrollIntoViewIfNeeded();
    await again.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(again).toHaveAttribute('data-runs', '1', { timeout: 90_000 });
    const cached = await statusTexts(page);
    expect(
      cached.filter((t) => t.startsWith('Downloading')),
      cached.join(' | '),
    ).toEqual([]);
  } finally {
    await link.close();
  }
});
