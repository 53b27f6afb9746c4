/**
 * Python's HTTP as CPython writes it: http.client's own bytes reach the in-worker mock API, so the
 * sandbox shows what `requests` does at home (reason phrases, redirects and rebuild_auth, header
 * validation, the request-target as sent). Each expectation below is CPython 3.14 + requests 2.34.2
 * behaviour; the old browser transport failed every one of them.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { run, typeCode } from './helpers';

async function playground(page: Page): Promise<Locator> {
  await page.goto('/playground/');
  return page.locator('fix401-exercise');
}

test('reason phrases, redirects, header checks and Digest behave as in CPython', async ({ page }) => {
  test.setTimeout(120_000);
  const exercise = await playground(page);
  await typeCode(
    exercise,
    [
      'import requests, urllib.request, urllib.error',
      'from requests.auth import HTTPDigestAuth',
      "r = requests.post('https://api.example.com/items', json={})",
      "print('reason', r.status_code, repr(r.reason))",
      "moved = 'https://httpbin.org/redirect-to?url=https%3A%2F%2Fapi.example.com%2Fitems&status_code=302'",
      "r = requests.post(moved, headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, json={'a': 1})",
      "print('followed', r.status_code, r.history, r.request.method, 'Authorization' in r.request.headers)",
      'r = requests.post(moved, allow_redirects=False)',
      "print('not followed', r.status_code, r.headers['Location'])",
      "print('accept-language' in {k.lower() for k in requests.get('https://httpbin.org/headers').json()['headers']})",
      'def newline_token(r):',
      "    r.headers['Authorization'] = 'Bearer tok\\n'",
      '    return r',
      'try:',
      "    requests.get('https://api.example.com/items', auth=newline_token)",
      'except ValueError as e:',
      "    print('ValueError', e)",
      "r = requests.get(\"https://httpbin.org/digest-auth/auth/user/passwd?q='x'\", auth=HTTPDigestAuth('user', 'passwd'))",
      "print('digest', r.status_code, r.history)",
      'try:',
      "    urllib.request.urlopen('https://api.example.com/items')",
      'except urllib.error.HTTPError as e:',
      "    print('urllib', e.code, e.reason, e.headers['WWW-Authenticate'])",
      '',
    ].join('\n'),
  );
  const output = await run(exercise);
  expect(output).toContain("reason 401 'Unauthorized'");
  expect(output).toContain('followed 401 [<Response [302]>] GET False');
  expect(output).toContain('not followed 302 https://api.example.com/items');
  expect(output).toMatch(/^False$/m);
  expect(output).toContain("ValueError Invalid header value b'Bearer tok\\n'");
  expect(output).toContain('digest 200 [<Response [401]>]');
  expect(output).toContain('urllib 401 Unauthorized Bearer realm="api.example.com"');
});

test('the HTTP log shows the bytes http.client wrote, in its order', async ({ page }) => {
  const exercise = await playground(page);
  await typeCode(
    exercise,
    "import requests\nrequests.post('https://api.example.com/items', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, json={'name': 'stapler'})\n",
  );
  await run(exercise);
  const log = exercise.getByRole('region', { name: 'HTTP log' });
  await log.locator('.fx-insp-toggle').first().click();
  const raw = log.locator('[data-part="raw-request"]');
  await raw.locator('summary').click();
  await expect(raw.locator('pre')).toHaveText(
    [
      'POST /items HTTP/1.1\\r\\n',
      'Host: api.example.com\\r\\n',
      'User-Agent: python-requests/2.34.2\\r\\n',
      'Accept-Encoding: gzip, deflate, zstd\\r\\n',
      'Accept: */*\\r\\n',
      'Connection: keep-alive\\r\\n',
      // Masked until the learner reveals secrets, in the raw bytes as everywhere else.
      'Authorization: Bearer tok_…3f\\r\\n',
      'Content-Length: 19\\r\\n',
      'Content-Type: application/json\\r\\n',
      '\\r\\n',
      '{"name": "stapler"}',
    ].join('\n'),
  );
});

test('a synchronous XHR to the practice API fails at once with a reason, instead of hanging', async ({ page }) => {
  const exercise = await playground(page);
  await typeCode(
    exercise,
    ['import js', 'x = js.XMLHttpRequest.new()', "x.open('GET', 'https://api.example.com/items', False)", ''].join('\n'),
  );
  const output = await run(exercise);
  expect(output).toContain('A synchronous XMLHttpRequest to api.example.com cannot be answered in this sandbox');
});

test('a request the browser makes reaches the same practice API through MSW; other hosts get a network error', async ({ page }) => {
  const exercise = await playground(page);
  await typeCode(exercise, "import requests\nprint(requests.get('https://api.example.com/items').status_code)\n");
  expect(await run(exercise)).toContain('401');
  const answers = await page.evaluate(async () => {
    const mocked = await fetch('https://api.example.com/items', { headers: { Authorization: 'Bearer tok_live_8f2c4e9a1b7d3f' } });
    const anonymous = await fetch('https://api.example.com/items');
    const elsewhere = await fetch('https://example.org/').then(
      () => 'reached',
      (error: unknown) => (error instanceof TypeError ? 'network error' : String(error)),
    );
    return { mocked: mocked.status, anonymous: [anonymous.status, anonymous.headers.get('www-authenticate')], elsewhere };
  });
  expect(answers).toEqual({ mocked: 200, anonymous: [401, 'Bearer realm="api.example.com"'], elsewhere: 'network error' });
});
