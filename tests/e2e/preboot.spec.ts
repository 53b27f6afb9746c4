import { expect, test, type Page } from '@playwright/test';
import { run } from './helpers';

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

test('on a data-saving connection a lesson downloads no runtime until Run, and the first Run says it downloads Python', async ({
  page,
}) => {
  // Chromium's Save-Data setting, as navigator.connection reports it (Playwright cannot switch it on).
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'connection', {
      configurable: true,
      get: () => ({ saveData: true, effectiveType: '4g', addEventListener() {}, removeEventListener() {} }),
    }),
  );
  const runtimeFiles: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.includes('/pyodide/')) runtimeFiles.push(r.url());
  });
  await page.goto('/lessons/anatomy-of-a-post/');
  const exercise = page.locator('fix401-exercise').first();
  await exercise.scrollIntoViewIfNeeded();
  // Longer than the idle pre-boot's deadline (requestIdleCallback, 3 s).
  await page.waitForTimeout(4500);
  expect(runtimeFiles).toEqual([]);
  expect(page.workers().filter((w) => w.url().includes('python.worker'))).toEqual([]);

  const runtime = exercise.locator('[data-part="runtime"]');
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runtime).toHaveText('Downloading Python (≈ 6 MB)…');
  await expect(exercise).toHaveAttribute('data-runs', '1', { timeout: 45_000 });
  await expect(runtime).toContainText(/Python 3\.\d+\.\d+ ready/);
  expect(runtimeFiles.length).toBeGreaterThan(0);
  expect(await exercise.getByRole('region', { name: 'Output' }).textContent()).toMatch(/^\d{3}\b/m);
});
