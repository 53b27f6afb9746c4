import { describe, expect, it } from 'vitest';
import { maskExchange, maskHeaderValue, maskText } from '../../../src/inspector/mask';
import { maskSecret } from '../../../src/mock-api/mask';
import { bearerPost, exchange, TOKEN } from './fixtures';

/** Every string in an exchange, to assert that a secret appears nowhere. */
const everything = (e: ReturnType<typeof exchange>): string => JSON.stringify(e);

describe('masking header values', () => {
  it('keeps the Bearer scheme word and a recognisable token tail', () => {
    expect(maskHeaderValue('authorization', `Bearer ${TOKEN}`)).toBe('Bearer tok_…3f');
  });

  it('masks Basic credentials entirely (base64 is not a secret keeper)', () => {
    expect(maskHeaderValue('authorization', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toBe('Basic ••••');
  });

  it('masks Digest response and nonce but keeps the other parameters', () => {
    const value =
      'Digest username="Mufasa", realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", uri="/dir/index.html", response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", qop=auth, nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"';
    const masked = maskHeaderValue('authorization', value);
    expect(masked).toContain('username="Mufasa"');
    expect(masked).toContain('uri="/dir/index.html"');
    expect(masked).toContain('cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"');
    expect(masked).toContain(`response="${maskSecret('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1')}"`);
    expect(masked).not.toContain('753927fa0e85');
    expect(masked).not.toContain('7ypf/xlj9XXw');
  });

  it('keeps a wrong scheme word and the spacing, which are the learner’s mistakes to see', () => {
    expect(maskHeaderValue('authorization', `Token ${TOKEN}`)).toBe('Token tok_…3f');
    expect(maskHeaderValue('authorization', `Bearer  ${TOKEN} ${TOKEN}`)).toBe('Bearer  tok_…3f tok_…3f');
  });

  it('masks a raw token sent without a scheme, but shows placeholders that are bugs', () => {
    expect(maskHeaderValue('authorization', TOKEN)).toBe('tok_…3f');
    expect(maskHeaderValue('authorization', 'Bearer None')).toBe('Bearer None');
    expect(maskHeaderValue('authorization', 'Bearer {token}')).toBe('Bearer {token}');
    expect(maskHeaderValue('authorization', 'Bearer')).toBe('Bearer');
  });

  it('masks X-API-Key and leaves ordinary headers alone', () => {
    expect(maskHeaderValue('x-api-key', 'key_1234567890abcdef')).toBe('key_…ef');
    expect(maskHeaderValue('content-type', 'application/json')).toBe('application/json');
  });
});

describe('masking bodies', () => {
  it('masks secret fields in JSON without touching its layout', () => {
    const body = '{"grant_type":"refresh_token", "refresh_token": "rt_abcdefghijklmnop", "n": 12345678901234567890}';
    expect(maskText(body)).toBe('{"grant_type":"refresh_token", "refresh_token": "rt_…op", "n": 12345678901234567890}');
  });

  it('masks form fields (client_secret, password) and keeps the others', () => {
    expect(maskText('grant_type=password&username=ada&password=hunter2&client_secret=s3cr3t-value-123')).toBe(
      `grant_type=password&username=ada&password=${maskSecret('hunter2')}&client_secret=${maskSecret('s3cr3t-value-123')}`,
    );
  });

  it('masks a token endpoint response, keeping token_type and expires_in', () => {
    const body = JSON.stringify(
      { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600, refresh_token: 'rt_0123456789abcdef' },
      null,
      2,
    );
    const masked = maskText(body);
    expect(masked).not.toContain(TOKEN);
    expect(masked).not.toContain('rt_0123456789abcdef');
    expect(JSON.parse(masked)).toEqual({ access_token: 'tok_…3f', token_type: 'Bearer', expires_in: 3600, refresh_token: 'rt_…ef' });
  });

  it('masks secrets in bodies that are not valid JSON (a Python repr sent by mistake)', () => {
    expect(maskText("{'password': 'correct horse battery'}")).toBe(`{'password': '${maskSecret('correct horse battery')}'}`);
  });
});

describe('masking a whole exchange', () => {
  it('leaves no secret anywhere, even echoed in a response body or a URL', () => {
    const e = exchange({
      method: 'POST',
      url: `https://httpbin.org/anything?access_token=${TOKEN}`,
      requestHeaders: [
        ['authorization', 'Basic dXNlcjpzdXBlci1zZWNyZXQtcHc='],
        ['content-type', 'application/x-www-form-urlencoded'],
      ],
      requestBody: 'client_secret=cs_9f8e7d6c5b4a3210',
      responseBody: JSON.stringify({
        data: 'client_secret=cs_9f8e7d6c5b4a3210',
        headers: { Authorization: 'Basic dXNlcjpzdXBlci1zZWNyZXQtcHc=' },
        note: 'super-secret-pw',
      }),
    });
    const masked = everything(maskExchange(e));
    for (const secret of [TOKEN, 'cs_9f8e7d6c5b4a3210', 'dXNlcjpzdXBlci1zZWNyZXQtcHc=', 'super-secret-pw'])
      expect(masked).not.toContain(secret);
    expect(maskExchange(e).url).toBe('https://httpbin.org/anything?access_token=tok_…3f');
  });

  it('masks the nonce of a Digest challenge too', () => {
    const e = exchange({
      status: 401,
      responseHeaders: [['www-authenticate', 'Digest realm="me@kennethreitz.com", nonce="6d6a0f4cbe6bd7e5a0c1a2b3", qop="auth"']],
    });
    expect(maskExchange(e).responseHeaders[0]![1]).toBe(
      `Digest realm="me@kennethreitz.com", nonce="${maskSecret('6d6a0f4cbe6bd7e5a0c1a2b3')}", qop="auth"`,
    );
  });

  it('does not change the original exchange', () => {
    const e = bearerPost();
    maskExchange(e);
    expect(e.requestHeaders).toContainEqual(['authorization', `Bearer ${TOKEN}`]);
  });
});

describe('masking the raw bytes Python wrote', () => {
  it('scrubs every secret the headers and bodies revealed from the raw request and response', () => {
    const raw = `POST /oauth/token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer ${TOKEN}\r\n\r\nclient_secret=s3cr3t-value`;
    const masked = maskExchange(
      exchange({
        method: 'POST',
        requestHeaders: [['authorization', `Bearer ${TOKEN}`]],
        requestBody: 'client_secret=s3cr3t-value',
        rawRequest: raw,
        responseBody: `{"access_token": "${TOKEN}"}`,
        rawResponse: `HTTP/1.1 200 OK\r\n\r\n{"access_token": "${TOKEN}"}`,
      }),
    );
    expect(masked.rawRequest).toContain('Authorization: Bearer tok_…3f');
    expect(everything(masked)).not.toContain(TOKEN);
    expect(everything(masked)).not.toContain('s3cr3t-value');
  });
});
