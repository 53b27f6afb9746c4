#!/usr/bin/env node
// Takes headless-Chromium screenshots of a built page (for looking at what we build).
// Usage: node scripts/screenshot.mjs <url> <out.png> [--width=1280] [--theme=dark|light] [--run]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';

const [url, out] = process.argv.slice(2);
const opt = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const browser = await chromium.launch({ executablePath: (await findChromium()) ?? undefined, args: CHROMIUM_ARGS });
const context = await browser.newContext({
  viewport: { width: Number(opt('width', '1280')), height: 900 },
  colorScheme: opt('theme', 'dark'),
});
const page = await context.newPage();
await page.goto(url);
if (process.argv.includes('--run')) {
  const exercise = page.locator('fix401-exercise[data-mode="exercise"]').first();
  await exercise.scrollIntoViewIfNeeded();
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(
    () => document.querySelector('fix401-exercise[data-mode="exercise"]')?.getAttribute('data-runs') === '1',
    null,
    { timeout: 30000 },
  );
  await exercise.screenshot({ path: out });
} else {
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
}
await browser.close();
