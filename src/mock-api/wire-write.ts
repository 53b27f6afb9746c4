/**
 * Writing a reply as HTTP/1.1 response bytes (RFC 9112): status line with a reason phrase, the
 * handler's headers in order with the capitalisation servers use, then the framing a server adds
 * itself (Date, Content-Length, Connection). No CORS headers: only browser-made requests need them.
 */
import { decodeLatin1, encodeUtf8 } from './codec';
import { reasonPhrase } from './reason-phrases';
import { hasNoBody, type Reply } from './reply';

/** Headers the writer owns: a handler's own values would contradict the framing. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'date']);

/** Names whose usual spelling is not plain Title-Case. */
const SPELLING: Readonly<Record<string, string>> = { 'www-authenticate': 'WWW-Authenticate', etag: 'ETag' };

/** Spellings already worked out: a handful of names recur on every response. */
const spelled = new Map<string, string>();

/** `content-type` → `Content-Type`, as servers write them (Python prints r.headers with these names). */
export function wireHeaderName(name: string): string {
  let wire = spelled.get(name);
  if (wire === undefined) {
    const lower = name.toLowerCase();
    wire = SPELLING[lower] ?? lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => `${dash}${c.toUpperCase()}`);
    if (spelled.size < 256) spelled.set(name, wire);
  }
  return wire;
}

export interface WrittenResponse {
  bytes: Uint8Array;
  /** The header fields as written (names lower-cased), for the log. */
  headers: [string, string][];
}

export interface WriteOptions {
  /** The request's method: a HEAD answer has Content-Length but no body. */
  method: string;
  /** The client asked for `Connection: close`. */
  close: boolean;
  /** Virtual time (epoch ms) for the Date header, so transcripts stay stable. */
  now: number;
}

/** The response bytes for `reply`. */
export function writeResponse(reply: Reply, options: WriteOptions): WrittenResponse {
  const body = encodeUtf8(reply.body);
  const noBody = hasNoBody(options.method, reply.status);
  const fields: [string, string][] = [['Date', new Date(options.now).toUTCString()]];
  for (const [name, value] of reply.headers) if (!FRAMING.has(name.toLowerCase())) fields.push([wireHeaderName(name), value]);
  // RFC 9110 §8.6: no Content-Length on 1xx or 204; on 304 it would describe another response.
  const status = reply.status;
  if (status >= 200 && status !== 204 && status !== 304) fields.push(['Content-Length', String(body.length)]);
  fields.push(['Connection', options.close ? 'close' : 'keep-alive']);
  const reason = reply.reason ?? reasonPhrase(status);
  const head = `HTTP/1.1 ${status} ${reason}\r\n${fields.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  const headBytes = encodeHead(head);
  const bytes = new Uint8Array(headBytes.length + (noBody ? 0 : body.length));
  bytes.set(headBytes);
  if (!noBody) bytes.set(body, headBytes.length);
  return { bytes, headers: fields.map(([n, v]) => [n.toLowerCase(), v]) };
}

/**
 * Header text → bytes: Latin-1 where it fits (what http.client decodes with), UTF-8 for anything
 * beyond, as Werkzeug writes httpbin's `Location: url.encode('utf-8')`.
 */
function encodeHead(head: string): Uint8Array {
  // Almost every head is Latin-1 only: one pass into the result, no intermediate array.
  const latin1 = new Uint8Array(head.length);
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code > 0xff) return encodeMixedHead(head);
    latin1[i] = code;
  }
  return latin1;
}

function encodeMixedHead(head: string): Uint8Array {
  const out: number[] = [];
  for (const c of head) {
    const code = c.codePointAt(0) ?? 0;
    if (code <= 0xff) out.push(code);
    else out.push(...encodeUtf8(c));
  }
  return Uint8Array.from(out);
}

/** Raw message bytes as Latin-1 text for the inspector, the body cut at `cap` bytes. */
export function rawText(bytes: Uint8Array, cap = 64 * 1024): string {
  let end = 0;
  for (let i = 3; i < bytes.length; i++)
    if (bytes[i] === 10 && bytes[i - 1] === 13 && bytes[i - 2] === 10 && bytes[i - 3] === 13) {
      end = i + 1;
      break;
    }
  const limit = end + cap;
  if (bytes.length <= limit) return decodeLatin1(bytes);
  return `${decodeLatin1(bytes.subarray(0, limit))}… (${bytes.length - limit} more bytes)`;
}
