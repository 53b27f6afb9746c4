import { describe, expect, it } from 'vitest';
import { maskText } from '../../../src/doctor/mask';

describe('maskText', () => {
  it.each([
    ['Authorization: Bearer tok_live_8f2c4e9a1b7d3f', 'Authorization: Bearer tok_…3f'],
    ['authorization: Basic dGVzdDoxMjPCow==', 'authorization: Basic dGVz…=='],
    ["{'Authorization': 'Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a'}", "{'Authorization': 'Bearer ghp_…4a'}"],
    ["auth=('app', 'x'), data={'client_secret': 'q+v/Zx9=ab'}", "auth=('app', 'x'), data={'client_secret': 'q+v/…ab'}"],
    ['https://user:hunter22@proxy.example:3128', 'https://user:••••••••@proxy.example:3128'],
    ['Incorrect API key provided: sk-proj-abcdefghijklmnopqrstZXY.', 'Incorrect API key provided: sk-p…XY.'],
  ])('masks %s', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it.each([
    'WWW-Authenticate: Bearer realm="api.example.com", error="invalid_token"',
    "token = os.getenv('API_KEY')",
    "token = os.environ['API_TOKEN'].strip()",
    "headers = {'Authorization': f'Bearer {token}'}",
    'Authorization: Bearer None',
  ])('leaves code and challenges alone: %s', (text) => {
    expect(maskText(text)).toBe(text);
  });
});
