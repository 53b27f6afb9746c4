import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { run, typeCode } from './helpers';

const TOKEN = 'tok_live_8f2c4e9a1b7d3f';

async function playground(page: Page) {
  await page.goto('/playground/');
  return page.locator('fix401-exercise');
}

test('a failing Bearer request shows the masked header, the challenge and the server’s reason; secrets stay out of the DOM until revealed', async ({
  page,
}) => {
  const exercise = await playground(page);
  await typeCode(
    exercise,
    `import requests\nr = requests.post('https://api.example.com/endpoint', headers={'Authorization': 'Token ${TOKEN}'})\nprint(r.status_code)\n`,
  );
  expect(await run(exercise)).toContain('401');
  const log = exercise.getByRole('region', { name: 'HTTP log' });
  const row = log.locator('[data-exchange-id]').first();
  await expect(row).toContainText('401');
  await expect(row.locator('[data-part="server-view"]')).toContainText('Token');
  await expect(row.locator('[data-part="server-view"]')).toContainText('Bearer');
  await row.locator('.fx-insp-toggle').first().click();
  await expect(row.locator('[data-part="response"]')).toContainText('Bearer realm="api.example.com"');
  await expect(row.locator('[data-part="request"]')).toContainText('Token tok_…');
  // The full token is nowhere in the HTTP log (text or attributes) while masked…
  expect(await log.evaluate((el) => el.outerHTML)).not.toContain(TOKEN.slice(4));
  await log.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(row.locator('[data-part="request"]')).toContainText(TOKEN);
});

test('a Digest exchange shows both legs, grouped', async ({ page }) => {
  const exercise = await playground(page);
  await typeCode(
    exercise,
    `import requests\nfrom requests.auth import HTTPDigestAuth\nr = requests.get('https://api.example.com/digest/profile', auth=HTTPDigestAuth('alice', 'wonderland'))\nprint(r.status_code)\n`,
  );
  expect(await run(exercise)).toMatch(/^200$/m);
  const group = exercise.getByRole('region', { name: 'HTTP log' }).locator('[data-legs="2"]');
  await expect(group).toContainText('401');
  await expect(group).toContainText('200');
});

test('Copy as cURL sends what the mock received (real curl against a local echo server)', async ({ page }) => {
  const received: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {};
  const echo = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      Object.assign(received, { method: req.method, url: req.url, headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  const port = (echo.address() as AddressInfo).port;
  try {
    const exercise = await playground(page);
    await typeCode(
      exercise,
      `import requests\nr = requests.post('https://api.example.com/endpoint?x=1', headers={'Authorization': 'Bearer ${TOKEN}', 'X-Trace': "it's"}, json={'key': 'value', 'n': [1, 2]})\nprint(r.status_code)\n`,
    );
    expect(await run(exercise)).toMatch(/^200$/m);
    const log = exercise.getByRole('region', { name: 'HTTP log' });
    await log.getByRole('button', { name: 'Reveal secrets' }).click();
    const row = log.locator('[data-exchange-id]').first();
    await row.locator('.fx-insp-toggle').first().click();
    const requestText = (await row.locator('[data-part="request"]').textContent()) ?? '';
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await row.getByRole('button', { name: 'Copy as cURL' }).click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    const local = curl.replace('https://api.example.com', `http://127.0.0.1:${port}`);
    // Async: the echo server lives in this process and must keep answering while curl runs.
    await promisify(execFile)('bash', ['-c', local], { timeout: 10_000 });
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/endpoint?x=1');
    expect(received.headers?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(received.headers?.['x-trace']).toBe("it's");
    expect(received.headers?.['content-type']).toBe('application/json');
    expect(received.body).toBe('{"key": "value", "n": [1, 2]}');
    // …and it is what the mock logged as received.
    expect(requestText).toContain('"key": "value"');
    expect(requestText.toLowerCase()).toContain(`authorization: bearer ${TOKEN.toLowerCase()}`);
  } finally {
    echo.close();
  }
});

test('the clock control moves expiry: the next request is rejected as expired', async ({ page }) => {
  const exercise = await playground(page);
  const code = `import requests\nr = requests.post('https://api.example.com/endpoint', headers={'Authorization': 'Bearer ${TOKEN}'}, json={})\nprint(r.status_code, r.headers.get('WWW-Authenticate'))\n`;
  await typeCode(exercise, code);
  expect(await run(exercise)).toMatch(/^200 None$/m);
  const clock = exercise.getByRole('group', { name: 'Virtual clock' });
  await clock.getByRole('button', { name: '+1 h' }).click();
  await clock.getByRole('button', { name: '+1 min' }).click();
  const output = await run(exercise);
  expect(output).toContain('401');
  expect(output).toContain('error="invalid_token"');
  await expect(exercise.getByRole('region', { name: 'HTTP log' }).locator('[data-part="server-view"]').last()).toContainText('expired');
});
