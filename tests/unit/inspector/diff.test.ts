import { describe, expect, it } from 'vitest';
import { diffRequests, findReference } from '../../../src/inspector/diff';
import { exchange, TOKEN } from './fixtures';

const base: [string, string][] = [
  ['user-agent', 'python-requests/2.34.2'],
  ['accept', '*/*'],
];

describe('diffRequests', () => {
  it('reports headers added, removed and changed, ignoring browser-added ones', () => {
    const mine = exchange({
      via: 'browser',
      method: 'POST',
      requestHeaders: [
        ...base,
        ['authorization', `Token ${TOKEN}`],
        ['x-debug', '1'],
        ['origin', 'http://localhost'],
        ['content-type', 'text/plain'],
      ],
      requestBody: '{"a": 1, "b": 2}',
    });
    const reference = exchange({
      method: 'POST',
      requestHeaders: [...base, ['authorization', `Bearer ${TOKEN}`], ['content-type', 'application/json'], ['x-request-id', 'abc']],
      requestBody: '{"b":2,"a":1}',
    });
    expect(diffRequests(mine, reference)).toEqual({
      added: [['x-request-id', 'abc']],
      removed: [['x-debug', '1']],
      changed: [
        { name: 'authorization', mine: `Token ${TOKEN}`, reference: `Bearer ${TOKEN}` },
        { name: 'content-type', mine: 'text/plain', reference: 'application/json' },
      ],
      body: 'equivalent',
      queryDiffers: false,
    });
  });

  it("counts every header Python's http.client wrote: none of them is the browser's", () => {
    const mine = exchange({ via: 'python', requestHeaders: [...base, ['origin', 'http://localhost']] });
    const reference = exchange({ via: 'python', requestHeaders: base });
    expect(diffRequests(mine, reference).removed).toEqual([['origin', 'http://localhost']]);
  });

  it('sees a difference invisible once masked (a trailing character of the token)', () => {
    const mine = exchange({ requestHeaders: [['authorization', `Bearer ${TOKEN}x`]] });
    const reference = exchange({ requestHeaders: [['authorization', `Bearer ${TOKEN}`]] });
    expect(diffRequests(mine, reference).changed).toHaveLength(1);
  });

  it('tells identical, equivalent and different bodies apart, and notices query changes', () => {
    const a = exchange({ requestBody: 'a=1&b=2' });
    expect(diffRequests(a, exchange({ requestBody: 'a=1&b=2' })).body).toBe('same');
    expect(diffRequests(a, exchange({ requestBody: 'b=2&a=1' })).body).toBe('equivalent');
    expect(diffRequests(a, exchange({ requestBody: 'a=1&b=3' })).body).toBe('different');
    expect(diffRequests(a, exchange({ url: 'https://api.example.com/items?page=2', requestBody: 'a=1&b=2' })).queryDiffers).toBe(true);
  });

  it('compares with the successful leg of the working solution for the same method and path', () => {
    const mine = exchange({ status: 401 });
    const refs = [exchange({ id: 1, method: 'POST' }), exchange({ id: 2, status: 401 }), exchange({ id: 3, status: 200 })];
    expect(findReference(mine, refs)?.id).toBe(3);
    expect(findReference(exchange({ url: 'https://api.example.com/other' }), refs)).toBeUndefined();
  });
});
