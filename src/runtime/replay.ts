/**
 * The 401 doctor's replay: answers every request CPython writes, to any host, with the response the
 * learner pasted (redirects first, then the final answer, which repeats), and records what was sent
 * as an Exchange so the page can show the exact bytes. Nothing is sent anywhere.
 */
import { decodeLatin1, encodeUtf8 } from '../mock-api/codec';
import type { Exchange } from '../mock-api/contract';
import type { WireRequest } from '../mock-api/server';
import { parseWireRequest } from '../mock-api/wire-parse';
import type { ReplayResponse } from './protocol';

/** Headers the replay writes itself (framing), or drops (the pasted body is already decoded). */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'content-encoding', 'connection']);
const RAW_LIMIT = 64 * 1024;

export function serializeResponse(response: ReplayResponse): Uint8Array {
  const body = encodeUtf8(response.body);
  const head = [
    `HTTP/1.1 ${response.status} ${response.reason || 'Unknown'}`,
    ...response.headers
      .filter(([name]) => !FRAMING.has(name.toLowerCase()))
      .map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/g, ' ')}`),
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  const headBytes = encodeUtf8(head);
  const bytes = new Uint8Array(headBytes.length + body.length);
  bytes.set(headBytes);
  bytes.set(body, headBytes.length);
  return bytes;
}

export class Replay {
  private count = 0;
  constructor(
    private readonly responses: ReplayResponse[],
    private readonly now: number,
    private readonly onExchange: (exchange: Exchange) => void,
  ) {}

  answer(request: WireRequest): Uint8Array {
    const response = this.responses[Math.min(this.count, this.responses.length - 1)];
    this.count++;
    const bytes = serializeResponse(response);
    const parsed = parseWireRequest(request.bytes);
    const port =
      (request.scheme === 'https' && request.port === 443) || (request.scheme === 'http' && request.port === 80) ? '' : `:${request.port}`;
    const ok = 'method' in parsed;
    this.onExchange({
      id: this.count,
      at: this.now,
      via: 'python',
      method: ok ? parsed.method : '?',
      url: `${request.scheme}://${request.host}${port}${ok ? parsed.target : ''}`,
      requestHeaders: ok ? parsed.headers.map(([n, v]) => [n.toLowerCase(), v]) : [],
      requestBody: ok ? decodeLatin1(parsed.body) : '',
      status: response.status,
      responseHeaders: response.headers,
      responseBody: response.body,
      rawRequest: decodeLatin1(request.bytes.subarray(0, RAW_LIMIT)),
      rawResponse: decodeLatin1(bytes.subarray(0, RAW_LIMIT)),
      decision: { code: 'doctor_replay', reason: 'the 401 doctor answered with the response you pasted' },
    });
    return bytes;
  }
}
