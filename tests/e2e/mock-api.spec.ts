/**
 * The mock API through real Python `requests` in Chromium: each case is what a learner
 * writes at home, and must behave as it would against a standards-faithful server.
 */
import { expect, test, type Locator } from '@playwright/test';
import { run, typeCode } from './helpers';

const TOKEN = 'tok_live_8f2c4e9a1b7d3f';
let exercise: Locator;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto('/playground/');
  exercise = page.locator('fix401-exercise');
});

async function python(code: string): Promise<string> {
  await typeCode(exercise, code);
  return run(exercise);
}

test('Bearer: valid, missing, expired after time.sleep(3600) (which returns at once), wrong scope', async () => {
  const output = await python(
    [
      'import requests, time',
      "URL = 'https://api.example.com/endpoint'",
      `ok = requests.post(URL, headers={'Authorization': 'Bearer ${TOKEN}'}, json={'a': 1})`,
      "print('valid', ok.status_code)",
      'missing = requests.post(URL, json={})',
      "print('missing', missing.status_code, missing.headers['WWW-Authenticate'])",
      "scope = requests.post('https://api.example.com/items', headers={'Authorization': 'Bearer tok_read_5a1e7c2b9d4f60'}, json={'name': 'x'})",
      "print('scope', scope.status_code, scope.headers['WWW-Authenticate'])",
      'start = time.perf_counter()',
      'time.sleep(3600)',
      "print('slept for real', round(time.perf_counter() - start), 's')",
      `late = requests.post(URL, headers={'Authorization': 'Bearer ${TOKEN}'}, json={})`,
      "print('expired', late.status_code, late.headers['WWW-Authenticate'])",
    ].join('\n'),
  );
  expect(output).toContain('valid 200');
  expect(output).toContain('missing 401 Bearer realm="api.example.com"\n');
  expect(output).toContain('slept for real 0 s');
  expect(output).toMatch(/expired 401 Bearer realm="api.example.com", error="invalid_token", error_description="The access token expired"/);
  expect(output).toMatch(/scope 403 Bearer realm="api.example.com", error="insufficient_scope".*scope="items:write"/);
});

test('Basic via auth=(u, p) and HTTPBasicAuth; httpbin /basic-auth as for the real httpbin', async () => {
  const output = await python(
    [
      'import requests',
      'from requests.auth import HTTPBasicAuth',
      "print(requests.get('https://api.example.com/basic/profile', auth=('alice', 'wonderland')).status_code)",
      "print(requests.get('https://api.example.com/basic/profile', auth=HTTPBasicAuth('alice', 'wonderland')).status_code)",
      "bad = requests.get('https://api.example.com/basic/profile', auth=('alice', 'nope'))",
      "print(bad.status_code, bad.headers['WWW-Authenticate'])",
      "r = requests.get('https://httpbin.org/basic-auth/user/passwd', auth=('user', 'passwd'))",
      'print(r.status_code, r.json())',
    ].join('\n'),
  );
  expect(output).toMatch(/^200\n200\n401 Basic realm="api.example.com", charset="UTF-8"\n200 \{'authenticated': True, 'user': 'user'\}/m);
});

test('Digest via HTTPDigestAuth with MD5 and SHA-256 (httpbin), and a stale nonce on api.example.com', async () => {
  const output = await python(
    [
      'import requests, time',
      'from requests.auth import HTTPDigestAuth',
      "for alg in ['MD5', 'SHA-256']:",
      "    r = requests.get(f'https://httpbin.org/digest-auth/auth/user/passwd/{alg}', auth=HTTPDigestAuth('user', 'passwd'))",
      '    print(alg, r.status_code, [h.status_code for h in r.history])',
      "auth = HTTPDigestAuth('alice', 'wonderland')",
      's = requests.Session()',
      "print('first', s.get('https://api.example.com/digest/report', auth=auth).status_code)",
      'time.sleep(600)  # the nonce is now older than the server accepts',
      "r = s.get('https://api.example.com/digest/report', auth=auth)",
      "print('after', r.status_code, [(h.status_code, 'stale=true' in h.headers.get('WWW-Authenticate', '')) for h in r.history])",
    ].join('\n'),
  );
  expect(output).toContain('MD5 200 [401]');
  expect(output).toContain('SHA-256 200 [401]');
  expect(output).toContain('first 200');
  expect(output).toContain('after 200 [(401, True)]');
});

test('OAuth: client_credentials (no refresh token, RFC 6749 §4.4.3), a seeded refresh_token (rotated), then revocation', async () => {
  const output = await python(
    [
      'import requests',
      "TOKEN_URL = 'https://api.example.com/oauth/token'",
      "t = requests.post(TOKEN_URL, data={'grant_type': 'client_credentials', 'scope': 'items:read'}, auth=('demo-client', 's3cr3t-Pa55')).json()",
      "print(t['token_type'], t['expires_in'], t['scope'], 'refresh_token' in t)",
      "seeded = 'rt_demo_9e4b2c7a1d8f53'  # from an earlier user grant (the sample state)",
      "n = requests.post(TOKEN_URL, data={'grant_type': 'refresh_token', 'refresh_token': seeded}, auth=('demo-client', 's3cr3t-Pa55'))",
      "print('refresh', n.status_code, n.json()['refresh_token'] != seeded)",
      "again = requests.post(TOKEN_URL, data={'grant_type': 'refresh_token', 'refresh_token': seeded}, auth=('demo-client', 's3cr3t-Pa55'))",
      "print('old refresh token', again.status_code, again.json()['error'])",
      "access = n.json()['access_token']",
      "print('items', requests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {access}'}).status_code)",
      "print('revoke', requests.post('https://api.example.com/oauth/revoke', data={'token': access}, auth=('demo-client', 's3cr3t-Pa55')).status_code)",
      "gone = requests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {access}'})",
      "print('after revoke', gone.status_code, 'invalid_token' in gone.headers['WWW-Authenticate'])",
    ].join('\n'),
  );
  expect(output).toContain('Bearer 3600 items:read False');
  expect(output).toContain('refresh 200 True');
  expect(output).toContain('old refresh token 400 invalid_grant');
  expect(output).toContain('items 200');
  expect(output).toContain('revoke 200');
  expect(output).toContain('after revoke 401 True');
});

test('a token with a trailing newline makes requests raise InvalidHeader before sending', async () => {
  const output = await python(
    [
      'import requests',
      `token = '${TOKEN}\\n'`,
      'try:',
      "    requests.post('https://api.example.com/endpoint', headers={'Authorization': f'Bearer {token}'})",
      'except requests.exceptions.InvalidHeader as e:',
      "    print('InvalidHeader:', e)",
    ].join('\n'),
  );
  expect(output).toContain('InvalidHeader: Invalid leading whitespace, reserved character(s), or return character(s) in header value');
});
