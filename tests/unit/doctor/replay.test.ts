/** The replay behind "Run it against your response": canned bytes for any host, and what was sent. */
import { describe, expect, it } from 'vitest';
import { decodeLatin1, encodeUtf8 } from '../../../src/mock-api/codec';
import type { Exchange } from '../../../src/mock-api/contract';
import { replayResponses } from '../../../src/doctor/doctor-run';
import { parseResponse } from '../../../src/doctor/parse-response';
import { Replay, serializeResponse } from '../../../src/runtime/replay';

describe('replay', () => {
  it('writes a framed HTTP/1.1 response (its own Content-Length, no pasted framing headers)', () => {
    const text = decodeLatin1(
      serializeResponse({
        status: 401,
        reason: 'Unauthorized',
        headers: [
          ['Content-Length', '999'],
          ['WWW-Authenticate', 'Bearer'],
        ],
        body: 'é',
      }),
    );
    expect(text).toBe('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Length: 2\r\n\r\n\xc3\xa9');
  });

  it('answers redirects first, then the answer (repeating), and records the request as sent', () => {
    const responses = replayResponses(
      parseResponse('HTTP/1.1 301 Moved\nLocation: https://other.example/x\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n'),
    );
    expect(responses.map((r) => r.status)).toEqual([301, 401]);
    const seen: Exchange[] = [];
    const replay = new Replay(responses, 0, (e) => seen.push(e));
    const request = {
      scheme: 'https' as const,
      host: 'api.github.com',
      port: 443,
      bytes: encodeUtf8('GET /user HTTP/1.1\r\nHost: api.github.com\r\nAuthorization: Bearer None\r\n\r\n'),
    };
    for (let i = 0; i < 3; i++) replay.answer(request);
    expect(seen.map((e) => e.status)).toEqual([301, 401, 401]);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: 'https://api.github.com/user',
      requestHeaders: [
        ['host', 'api.github.com'],
        ['authorization', 'Bearer None'],
      ],
    });
  });

  it('answers a plain 401 with a challenge when nothing was pasted', () => {
    expect(replayResponses(parseResponse(''))).toEqual([
      { status: 401, reason: 'Unauthorized', headers: [['WWW-Authenticate', 'Bearer realm="api"']], body: '' },
    ]);
  });
});
