import { describe, expect, it } from 'vitest';
import { headerValue } from '../../../src/doctor/headers';
import { parseResponse } from '../../../src/doctor/parse-response';

describe('parseResponse', () => {
  it('reads a raw HTTP/1.1 response', () => {
    const r = parseResponse(
      'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="x"\r\nContent-Type: application/json\r\n\r\n{"error":"unauthorized"}',
    );
    expect(r).toMatchObject({ format: 'raw-http', status: 401, reason: 'Unauthorized', body: '{"error":"unauthorized"}' });
    expect(headerValue(r.headers, 'www-authenticate')).toBe('Bearer realm="x"');
  });

  it('reads curl -v over HTTP/2 (lower-case names, no reason), with the request it sent', () => {
    const r = parseResponse(
      [
        '*   Trying 140.82.121.6:443...',
        '> GET /user HTTP/2',
        '> Host: api.github.com',
        '> user-agent: curl/8.5.0',
        '> authorization: Bearer ghp_abcdefghijklmnopqrstuvwxyz',
        '>',
        '< HTTP/2 401',
        '< content-type: application/json; charset=utf-8',
        '< x-github-request-id: 1234',
        '<',
        '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}',
      ].join('\n'),
    );
    expect(r).toMatchObject({ format: 'curl-verbose', status: 401, url: 'https://api.github.com/user' });
    expect(headerValue(r.request!.headers, 'Authorization')).toBe('Bearer ghp_abcdefghijklmnopqrstuvwxyz');
    expect(JSON.parse(r.body)).toMatchObject({ message: 'Bad credentials' });
  });

  it('keeps redirects before the answer as history', () => {
    const r = parseResponse(
      'HTTP/1.1 301 Moved Permanently\nLocation: https://www.example.com/items\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n',
    );
    expect(r.status).toBe(401);
    expect(r.history).toEqual([{ status: 301, location: 'https://www.example.com/items' }]);
  });

  it('reads what Python printed: status, headers repr, body, request headers', () => {
    const r = parseResponse(
      [
        '401',
        "{'Date': 'Mon, 01 Jan 2026 10:00:00 GMT', 'WWW-Authenticate': 'Bearer realm=\"api.example.com\", error=\"invalid_token\"', 'Content-Type': 'application/json'}",
        '{"error": "invalid_token", "error_description": "The access token is unknown"}',
        "{'User-Agent': 'python-requests/2.32.3', 'Accept-Encoding': 'gzip, deflate', 'Authorization': 'Bearer None'}",
      ].join('\n'),
    );
    expect(r).toMatchObject({ format: 'python', status: 401 });
    expect(headerValue(r.headers, 'WWW-Authenticate')).toContain('invalid_token');
    expect(headerValue(r.request!.headers, 'authorization')).toBe('Bearer None');
    expect(r.body).toContain('invalid_token');
  });

  it('reads an HTTPError traceback and the exception', () => {
    const r = parseResponse(
      [
        'Traceback (most recent call last):',
        '  File "/app/main.py", line 9, in <module>',
        '    r.raise_for_status()',
        'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/items',
      ].join('\n'),
    );
    expect(r).toMatchObject({ format: 'python', status: 401, reason: 'Unauthorized', url: 'https://api.example.com/items' });
    expect(r.exception).toEqual({ type: 'HTTPError', message: '401 Client Error: Unauthorized for url: https://api.example.com/items' });
  });

  it('reads a HAR export, picking the failing entry and its redirects', () => {
    const har = {
      log: {
        entries: [
          {
            request: { method: 'GET', url: 'http://a.example/x', headers: [] },
            response: { status: 301, headers: [], redirectURL: 'https://b.example/x', content: {} },
          },
          {
            request: { method: 'GET', url: 'https://b.example/x', headers: [{ name: 'accept', value: '*/*' }] },
            response: {
              status: 401,
              statusText: 'Unauthorized',
              headers: [{ name: 'www-authenticate', value: 'Bearer' }],
              content: { text: 'eyJlcnJvciI6Im5vIn0=', encoding: 'base64' },
            },
          },
          {
            request: { method: 'GET', url: 'https://b.example/favicon.ico', headers: [] },
            response: { status: 200, headers: [], content: {} },
          },
        ],
      },
    };
    const r = parseResponse(JSON.stringify(har));
    expect(r).toMatchObject({
      format: 'har',
      status: 401,
      body: '{"error":"no"}',
      history: [{ status: 301, location: 'https://b.example/x' }],
    });
    expect(r.request!.headers).toEqual([['accept', '*/*']]);
  });

  it('treats a bare body as body-only and empty input as empty', () => {
    expect(parseResponse('{"message":"Bad credentials"}').format).toBe('body-only');
    expect(parseResponse('  \n').format).toBe('empty');
  });
});
