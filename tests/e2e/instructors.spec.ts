import { chromium, expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-browser.mjs';
import type { AddressInfo } from 'node:net';
import { run } from './helpers';

test('every catalog link opens its scenario', async ({ page }) => {
  await page.goto('/scenarios/');
  const links = page.locator('[data-catalog] h3 a');
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  const targets = await links.evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent!.trim() })));
  for (const { href, title } of targets) {
    await page.goto(href);
    await expect(page.locator('fix401-exercise .exercise-title'), href).toContainText(title);
    await expect(page.getByRole('alert')).toBeHidden();
  }
});

test('the link builder makes a working link with options', async ({ page }) => {
  await page.goto('/scenarios/');
  const item = page.locator('[data-catalog] > li').first();
  await item.getByText('Build a link').click();
  await item.getByLabel('Clock').fill('+2h');
  await item.getByLabel('Hints').uncheck();
  const link = (await item.locator('output').textContent())!;
  expect(link).toContain('clock=%2B2h');
  expect(link).toContain('hints=0');
  await item.getByLabel('Clock').fill('soon');
  await expect(item.locator('output')).toContainText('not a time offset');
});

test('clock=+2h starts with tokens already expired; hints=0 hides hints', async ({ page }) => {
  await page.goto('/playground/?scenario=playground&clock=%2B2h&hints=0');
  const exercise = page.locator('fix401-exercise');
  await expect(exercise.getByRole('button', { name: 'Show hint' })).toBeHidden();
  const output = await run(exercise); // the playground's starter uses tok_live_…, valid for 1 h
  expect(output).toMatch(/^401$/m);
  expect(output).toContain('expired');
});

test('malformed options are explained, not guessed', async ({ page }) => {
  await page.goto('/playground/?scenario=missing-credentials&clock=later&colour=red');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('clock=later');
  await expect(alert).toContainText('colour');
});

test('instructor notes list wrong answers and the solution', async ({ page }) => {
  await page.goto('/scenarios/missing-credentials/');
  await expect(page.getByRole('heading', { name: 'Common wrong answers' })).toBeVisible();
  await expect(page.locator('main')).toContainText('A typo in the token');
  await expect(page.locator('main')).toContainText("token = 'tok_live_8f2c4e9a1b7d3f'");
});

test('the embed runs inside a cross-origin iframe and posts its verdict to the parent', async ({ baseURL }) => {
  // A browser profile with Chrome's default settings (third-party cookies allowed): service
  // workers work in cross-origin frames there. Playwright's own contexts block them (next test).
  const profile = mkdtempSync(join(tmpdir(), 'fix401-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default/Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: (await findChromium()) ?? undefined,
    args: CHROMIUM_ARGS,
  });
  const embedUrl = new URL('/embed/missing-credentials/?code=solution', baseURL).toString();
  const host = createServer((_, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><title>Course page</title><h1>Week 3</h1>
      <iframe src="${embedUrl}" width="800" height="900" title="Fix401 exercise"></iframe>
      <script>window.verdicts = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'fix401:verdict') verdicts.push({ origin: e.origin, ...e.data }); });</script>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // 127.0.0.1 and localhost are different origins.
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    const exercise = frame.locator('fix401-exercise');
    await expect(exercise.locator('[data-part="editor"]')).toContainText("token = 'tok_live");
    await exercise.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(exercise.getByRole('status')).toContainText('Solved', { timeout: 45_000 });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { verdicts: unknown[] }).verdicts))
      .toEqual([{ origin: new URL(baseURL!).origin, type: 'fix401:verdict', scenario: 'missing-credentials', passed: true }]);
  } finally {
    host.close();
    await context.close();
  }
});

test('an embed whose browser blocks third-party storage says so and offers its own tab', async ({ page, baseURL }) => {
  const embedUrl = new URL('/embed/missing-credentials/', baseURL).toString();
  const host = createServer((_, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(
      `<!doctype html><title>Course page</title><iframe src="${embedUrl}" width="800" height="900" title="Fix401 exercise"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  try {
    // Playwright's contexts block third-party cookies, like a private window.
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(frame.getByRole('region', { name: 'Output' })).toContainText('Open the exercise in its own tab', { timeout: 30_000 });
    await expect(frame.getByRole('link', { name: 'Open this exercise in its own tab' })).toHaveAttribute('target', '_blank');
  } finally {
    host.close();
  }
});
