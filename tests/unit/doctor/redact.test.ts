/** What a share link of a diagnosis leaves out: every secret shape the doctor recognises, with the evidence kept. */
import { describe, expect, it } from 'vitest';
import { fieldsFromHash, fieldsHash } from '../../../src/exercises/share-link';
import { PLACEHOLDER, redact } from '../../../src/doctor/redact';

const R = PLACEHOLDER;

describe('redact', () => {
  it.each([
    ['Authorization header line', 'Authorization: Bearer abc123def456', `Authorization: Bearer ${R}`],
    ['curl request line', '> authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==', `> authorization: Basic ${R}`],
    ['Cookie header', 'Cookie: session=9f8e7d6c5b4a', `Cookie: ${R}`],
    ['X-Api-Key header', 'X-Api-Key: k3y-v4lue-000', `X-Api-Key: ${R}`],
    ['a bare token in a header dict', "headers={'Authorization': 'a1b2c3d4e5f6'}", `headers={'Authorization': '${R}'}`],
    ['x-api-key in a headers repr', "{'x-api-key': 'abcd1234efgh'}", `{'x-api-key': '${R}'}`],
    [
      'HAR name/value pair',
      '{"name": "Authorization", "value": "Bearer abc123def456"}',
      `{"name": "Authorization", "value": "Bearer ${R}"}`,
    ],
    ['a bearer token in prose', 'sent Bearer abcdef123456 to the API', `sent Bearer ${R} to the API`],
    ['Stripe live key', "stripe.api_key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'", `stripe.api_key = '${R}'`],
    ['Stripe key anywhere', 'Invalid API Key provided: sk_test_4eC39HqLyjWD', `Invalid API Key provided: ${R}`],
    ['GitHub token', 'gh = Github("ghp_16C7e42F292c6912E7710c838347Ae178B4a")', `gh = Github("${R}")`],
    ['GitHub fine-grained token', 'GH = "github_pat_11ABCDEFG0123456789_abcdefghijklmnop"', `GH = "${R}"`],
    ['Slack bot token', "client = WebClient('xoxb-1234-5678-abcdefgh')", `client = WebClient('${R}')`],
    ['OpenAI key', "OpenAI(api_key='sk-proj-abcdefghijklmnop1234')", `OpenAI(api_key='${R}')`],
    ['AWS access key id', 'Credential=AKIAIOSFODNN7EXAMPLE/20260115', `Credential=${R}/20260115`],
    ['Google API key', 'key = "AIzaSyA1234567890abcdefghijklmnopqrstuv"', `key = "${R}"`],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', R],
    ['password= literal', "password = 'open sesame'", `password = '${R}'`],
    ['token= keyword', "login(user='alice', token='t0k')", `login(user='alice', token='${R}')`],
    ['client_secret in a dict', "data={'client_secret': 'r3p+rt%s3cr3t'}", `data={'client_secret': '${R}'}`],
    ['auth tuple password', "auth=('alice', 'wonderland')", `auth=('alice', '${R}')`],
    [
      'token in a URL query',
      'GET https://api.example.com/items?access_token=abc123&x=1',
      `GET https://api.example.com/items?access_token=${R}&x=1`,
    ],
    [
      'password in a URL',
      "requests.get('https://alice:wonderland@api.example.com/')",
      `requests.get('https://alice:${R}@api.example.com/')`,
    ],
  ])('drops %s', (_name, input, output) => {
    const result = redact(input);
    expect(result.text).toBe(output);
    expect(result.dropped.length).toBeGreaterThan(0);
  });

  it.each([
    ['Bearer None (the evidence of an unset variable)', 'Authorization: Bearer None'],
    ['an f-string reference', "headers={'Authorization': f'Bearer {token}'}"],
    ['an environment lookup', "token = os.environ['API_TOKEN']\npassword = os.getenv('DB_PASSWORD')"],
    ['a placeholder', "headers={'Authorization': 'Bearer YOUR_TOKEN'}"],
    ['a challenge', 'WWW-Authenticate: Bearer realm="api.example.com", error="invalid_token"'],
  ])('keeps %s', (_name, input) => {
    expect(redact(input)).toMatchObject({ text: input, dropped: [] });
  });

  it('keeps the quotes, spaces and newline escapes around a token: they are the evidence', () => {
    expect(redact('Authorization: Bearer "abc123def456"').text).toBe(`Authorization: Bearer "${R}"`);
    expect(redact("{'Authorization': 'Bearer abc123def456\\n'}").text).toBe(`{'Authorization': 'Bearer ${R}\\n'}`);
  });

  it('lists long unrecognised strings of letters and digits as unsure, and only those', () => {
    const result = redact("SIGNING_KEY_VALUE = load('9a8b7c6d5e4f3a2b1c0d9e8f7a6b')\nname = 'a_perfectly_ordinary_identifier'");
    expect(result.unsure).toEqual(['9a8b… (28 characters)']);
  });
});

describe('share link fields', () => {
  it('round-trips code and response in one fragment, and reports a damaged field', () => {
    const hash = fieldsHash({ code: "print('é')\n", response: 'HTTP/1.1 401 Unauthorized\n' });
    expect(fieldsFromHash(hash, ['code', 'response'])).toEqual({
      code: { kind: 'code', code: "print('é')\n" },
      response: { kind: 'code', code: 'HTTP/1.1 401 Unauthorized\n' },
    });
    expect(fieldsFromHash('#code=%%%', ['code', 'response'])).toMatchObject({ code: { kind: 'corrupt' }, response: { kind: 'none' } });
  });
});
