/**
 * Requests the browser makes for learner code (js.fetch, pyodide.http.pyfetch) reach the practice
 * API even when they are made the moment Python starts: a Run does not wait for MSW's page side,
 * so the Python worker holds such requests until MSW intercepts (else they would go to the real
 * network). The answers arrive after the run (a run cannot await them), so a second Run reads them.
 */
import { expect, test } from '@playwright/test';
import lz from 'lz-string';
import { run, typeCode } from './helpers';

const FIRST_RUN = [
  'import asyncio, builtins, js',
  'from pyodide.http import pyfetch',
  'builtins.seen = {}',
  "js.fetch('https://api.example.com/items').then(",
  "    lambda r: builtins.seen.__setitem__('js.fetch', f\"{r.status} {r.headers.get('www-authenticate')}\"),",
  "    lambda e: builtins.seen.__setitem__('js.fetch', f'failed: {e}'))",
  'async def with_pyfetch():',
  '    try:',
  "        r = await pyfetch('https://api.example.com/items', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'})",
  '        builtins.seen[\'pyfetch\'] = f\'{r.status} {[item["name"] for item in (await r.json())["items"]]}\'',
  '    except Exception as e:',
  "        builtins.seen['pyfetch'] = f'failed: {e}'",
  'asyncio.ensure_future(with_pyfetch())',
  "print('sent')",
  '',
].join('\n');

const READ_ANSWERS = 'import builtins\nfor name, answer in sorted(builtins.seen.items()):\n    print(name, answer)\n';

test("a cold first Run's js.fetch and pyfetch to the practice API, made as Python starts, reach the mock", async ({ page }) => {
  test.setTimeout(120_000);
  // A fresh context: no service worker, no Python, no MSW yet. The code comes in the link, so
  // nothing but the Run click warms anything up.
  await page.goto(`/playground/?scenario=playground#code=${lz.compressToEncodedURIComponent(FIRST_RUN)}`);
  const exercise = page.locator('fix401-exercise');
  await expect(exercise.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  expect(await run(exercise)).toContain('sent');

  await typeCode(exercise, READ_ANSWERS);
  // The answers come in after the first run ended, once MSW is active: ask until both are in.
  await expect.poll(async () => ((await run(exercise)).match(/^(js\.fetch|pyfetch) /gm) ?? []).length, { timeout: 30_000 }).toBe(2);
  const output = await exercise.getByRole('region', { name: 'Output' }).textContent();
  expect(output).toContain('js.fetch 401 Bearer realm="api.example.com"');
  expect(output).toContain("pyfetch 200 ['notebook', 'pencil']");
});
