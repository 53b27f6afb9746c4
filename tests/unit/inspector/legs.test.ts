import { describe, expect, it } from 'vitest';
import { groupLabel, groupLegs } from '../../../src/inspector/legs';
import type { Exchange } from '../../../src/mock-api/contract';
import { exchange } from './fixtures';

const URL_ = 'https://httpbin.org/digest-auth/auth/user/passwd';
const challenge = (id: number): Exchange =>
  exchange({
    id,
    url: URL_,
    status: 401,
    requestHeaders: [],
    responseHeaders: [['www-authenticate', 'Digest realm="x", nonce="abc", qop="auth"']],
  });
const answer = (id: number, status: number): Exchange =>
  exchange({
    id,
    url: URL_,
    status,
    requestHeaders: [['authorization', 'Digest username="user", response="00"']],
    responseHeaders: status === 401 ? challenge(0).responseHeaders : [],
  });
const ids = (groups: Exchange[][]): number[][] => groups.map((g) => g.map((e) => e.id));

describe('grouping legs', () => {
  it('groups a Digest challenge with its retry', () => {
    const groups = groupLegs([challenge(1), answer(2, 200), exchange({ id: 3 })]);
    expect(ids(groups)).toEqual([[1, 2], [3]]);
    expect(groupLabel(groups[0]!)).toBe('2 legs: Digest challenge, then retry');
  });

  it('starts a new request after one Digest retry (requests retries only once)', () => {
    expect(ids(groupLegs([challenge(1), answer(2, 401), answer(3, 401)]))).toEqual([[1, 2], [3]]);
  });

  it('does not group a Bearer 401 with the next request to the same URL', () => {
    const bearer401 = exchange({ id: 1, status: 401, responseHeaders: [['www-authenticate', 'Bearer realm="api.example.com"']] });
    expect(ids(groupLegs([bearer401, exchange({ id: 2, requestHeaders: [['authorization', 'Bearer t']] })]))).toEqual([[1], [2]]);
  });

  it('groups a redirect chain by Location, including a POST turned into GET by 302', () => {
    const hop1 = exchange({
      id: 1,
      method: 'POST',
      url: 'https://api.example.com/old',
      status: 302,
      responseHeaders: [['location', '/v2/items']],
    });
    const hop2 = exchange({
      id: 2,
      url: 'https://api.example.com/v2/items',
      status: 307,
      responseHeaders: [['location', 'https://api.example.com/v3/items']],
    });
    const end = exchange({ id: 3, url: 'https://api.example.com/v3/items' });
    const groups = groupLegs([hop1, hop2, end, exchange({ id: 4, url: 'https://api.example.com/v3/items' })]);
    expect(ids(groups)).toEqual([[1, 2, 3], [4]]);
    expect(groupLabel(groups[0]!)).toBe('3 legs: redirects followed');
  });
});
