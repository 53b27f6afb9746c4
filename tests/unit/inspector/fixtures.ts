/** Exchanges as the mock API logs them, for the inspector's pure parts. */
import type { Exchange } from '../../../src/mock-api/contract';

export const TOKEN = 'tok_live_8f2c9a7d1e4b3f';

/** Builds an exchange with sensible defaults. */
export function exchange(over: Partial<Exchange> = {}): Exchange {
  return {
    id: 1,
    at: Date.UTC(2026, 10, 24, 10, 0, 0),
    via: 'python',
    method: 'GET',
    url: 'https://api.example.com/items',
    requestHeaders: [
      ['user-agent', 'python-requests/2.34.2'],
      ['accept-encoding', 'gzip, deflate'],
      ['accept', '*/*'],
      ['connection', 'keep-alive'],
    ],
    requestBody: '',
    status: 200,
    responseHeaders: [['content-type', 'application/json']],
    responseBody: '{"items": []}\n',
    decision: { code: 'ok', reason: 'token `tok_…3f` is valid' },
    ...over,
  };
}

/** A bearer POST with a JSON body that the browser carried (js.fetch from learner code), so it has browser-added headers. */
export function bearerPost(over: Partial<Exchange> = {}): Exchange {
  return exchange({
    via: 'browser',
    method: 'POST',
    requestHeaders: [
      ['user-agent', 'python-requests/2.34.2'],
      ['accept', '*/*'],
      ['authorization', `Bearer ${TOKEN}`],
      ['content-type', 'application/json'],
      ['origin', 'http://localhost:4321'],
      ['sec-ch-ua-platform', '"Linux"'],
      ['accept-language', 'en-US'],
      ['content-length', '27'],
    ],
    requestBody: '{"name": "O\'Brien\'s item"}',
    ...over,
  });
}
