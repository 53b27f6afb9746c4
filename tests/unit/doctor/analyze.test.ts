/**
 * The code analyzer (src/doctor/analyze.py) under native CPython, as in the browser's Pyodide:
 * each cause the lessons teach is found in a short script, and the code is never run.
 */
import { describe, expect, it } from 'vitest';
import { analyzeNative } from './native-python';

const ids = (code: string) => analyzeNative(code).findings.map((f) => f.id);

// Each case starts a native CPython (≈ 50 ms idle, seconds on a loaded 2-core machine).
describe('analyze.py', { timeout: 30_000 }, () => {
  it.each([
    [
      'missing-scheme',
      "import requests\nrequests.post('https://api.example.com/items', headers={'Authorization': 'tok_live_8f2c4e9a1b7d3f'})",
    ],
    [
      'token-not-fstring',
      "import requests\ntoken = 'x'\nrequests.post('https://api.example.com/items', headers={'Authorization': 'Bearer {token}'})",
    ],
    [
      'headers-positional',
      "import requests\nheaders = {'Authorization': 'Bearer t'}\nrequests.post('https://api.example.com/items', headers)",
    ],
    [
      'json-dumps-no-content-type',
      "import json, requests\nrequests.post('https://api.example.com/items', headers={'Authorization': 'Bearer t'}, data=json.dumps({'a': 1}))",
    ],
    [
      'json-with-form-type',
      "import requests\nh = {'Authorization': 'Bearer t', 'Content-Type': 'application/x-www-form-urlencoded'}\nrequests.post('https://api.example.com/items', headers=h, json={'a': 1})",
    ],
    [
      'getenv-none',
      "import os, requests\ntoken = os.getenv('API_TOKEN')\nrequests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {token}'})",
    ],
    [
      'whitespace-token',
      "import requests\ntoken = open('token.txt').read()\nrequests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {token}'})",
    ],
    [
      'auth-overrides-headers',
      "import requests\nrequests.get('https://api.example.com/items', headers={'Authorization': 'Bearer t'}, auth=('u', 'p'))",
    ],
    [
      'netrc-precedence',
      "import requests\n# ~/.netrc has api.example.com\nrequests.get('https://api.example.com/items', headers={'Authorization': 'Bearer t'})",
    ],
    [
      'unbound-local',
      "token = 'a'\nexpires = 0\ndef call():\n    global token\n    if expires < 1:\n        token = 'b'\n        expires = 2\n",
    ],
    ['latin1-basic-password', "import requests\nrequests.get('https://api.example.com/basic/profile', auth=('test', '123£'))"],
    [
      'client-credentials-encoding',
      "import requests\nrequests.post('https://api.example.com/oauth/token', data={'grant_type': 'client_credentials'}, auth=('app', 's3cr3t+/=='))",
    ],
    [
      'token-request-json',
      "import requests\nrequests.post('https://api.example.com/oauth/token', json={'grant_type': 'client_credentials'}, auth=('app', 'x'))",
    ],
    [
      'refresh-token-not-kept',
      "import os, requests\ndef refresh():\n    r = requests.post('https://api.example.com/oauth/token', data={'grant_type': 'refresh_token', 'refresh_token': os.environ['RT']})\n    return r.json()['access_token']\n",
    ],
    ['http-url', "import requests\nrequests.post('http://api.example.com/items', headers={'Authorization': 'Bearer t'}, json={})"],
    [
      'session-header-merge',
      "import requests\ns = requests.Session()\ns.headers['Authorization'] = 'Bearer t'\ns.get('https://api.example.com/items', headers={'Authorization': None})",
    ],
    ['misspelled-header', "import requests\nrequests.get('https://api.example.com/items', headers={'Authorisation': 'Bearer t'})"],
    ['placeholder-token', "import requests\nrequests.get('https://api.example.com/items', headers={'Authorization': 'Bearer YOUR_TOKEN'})"],
    [
      'basic-by-hand',
      "import requests\nrequests.post('https://api.example.com/notes', headers={'Authorization': 'Basic alice:wonderland'})",
    ],
    ['basic-by-hand', "import requests\nrequests.post('https://api.example.com/notes', headers={'username': 'alice', 'password': 'x'})"],
    ['basic-by-hand', "import requests\nrequests.post('https://api.example.com/notes', auth='alice:wonderland')"],
    [
      'authbase-no-return',
      "import requests\nfrom requests.auth import AuthBase\nclass B(AuthBase):\n    def __call__(self, r):\n        r.headers['Authorization'] = 'Bearer t'\nrequests.get('https://api.example.com/items', auth=B())",
    ],
    ['latin1-basic-password', "import requests\nrequests.get('https://api.example.com/basic', auth=('test', '123£'.encode('latin-1')))"],
    [
      'latin1-basic-password',
      "import requests\nfrom urllib.parse import quote\nrequests.get('https://api.example.com/basic', auth=('test', quote('123£')))",
    ],
    [
      'netrc-precedence',
      "import requests\ns = requests.Session()\ns.headers['Authorization'] = 'Bearer t'\ns.post('https://api.example.com/endpoint', json={})",
    ],
  ])('finds %s', (id, code) => {
    expect(ids(code)).toContain(id);
  });

  it('finds nothing wrong in a correct call and reports its facts', () => {
    const result = analyzeNative(
      "import os, requests\ns = requests.Session()\ns.trust_env = False\ntoken = os.environ['API_TOKEN'].strip()\ns.post('https://api.example.com/items', headers={'Authorization': f'Bearer {token}'}, json={'name': 'x'})",
    );
    expect(result.findings).toEqual([]);
    expect(result.facts).toMatchObject({ authSchemes: ['Bearer'], usesBasicAuth: false, sendsAuthorization: true });
  });

  it('finds no hand-written Basic in correct Basic, and no Latin-1 issue in UTF-8 bytes', () => {
    expect(
      ids("import requests\nrequests.get('https://x.example/b', headers={'Authorization': 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='})"),
    ).not.toContain('basic-by-hand');
    expect(ids("import requests\nrequests.get('https://x.example/b', auth=('test', '123£'.encode('utf-8')))")).toEqual([]);
  });

  it('does not count Basic client authentication at a token endpoint as the API scheme', () => {
    const code =
      "import os, requests\nr = requests.post('https://api.example.com/oauth/token', data={'grant_type': 'client_credentials'}, auth=(os.environ['ID'], os.environ['SECRET']))";
    expect(analyzeNative(code).facts).toMatchObject({ usesBasicAuth: false, passesAuth: true });
    expect(analyzeNative("import requests\nrequests.get('https://x.example/b', auth=('u', 'p'))").facts.usesBasicAuth).toBe(true);
  });

  it('lists the files the code reads, and ~/.netrc when requests may read it', () => {
    const code =
      "import pathlib, requests\nPATH = '/run/secrets/api_token'\ntoken = open(PATH).read()\nkey = pathlib.Path('key.txt').read_text()\nrequests.get('https://api.example.com/items', headers={'Authorization': f'Bearer {token}'})";
    expect(analyzeNative(code).facts.files).toEqual(['/run/secrets/api_token', 'key.txt', '~/.netrc']);
  });

  it('reports a SyntaxError instead of findings, and never runs the code', () => {
    expect(analyzeNative('def (:\n')).toMatchObject({ ok: false, error: expect.stringContaining('SyntaxError') });
    expect(analyzeNative("raise SystemExit('ran!')\nimport requests").ok).toBe(true);
  });
});
